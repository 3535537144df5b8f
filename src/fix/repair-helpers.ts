import { formatDiagnostic, type Diagnostic } from '../core/diagnostics.ts';
import type { SourceRange } from '../core/source-range.ts';
import type { Repair, RepairContext } from './repair.ts';
import type { SourceEdit } from './source-edit.ts';
import { sliceBytes } from './source-edit.ts';

/** `main.tf:6:3`. */
export function locationOf(range: SourceRange): string {
  return `${range.filename}:${range.start.line}:${range.start.column}`;
}

/** Edits are made to native-syntax files only (`*.tf`); JSON files keep names in quoted keys. */
export function isNativeFile(filename: string): boolean {
  return filename.endsWith('.tf');
}

/** The diagnostics with this code that point into a native file the context has the text of. */
export function diagnosticsWithCode(context: RepairContext, code: string, severity: 'error' | 'warning' = 'error'): Array<Diagnostic & { range: SourceRange }> {
  return context.diagnostics.filter(
    (d): d is Diagnostic & { range: SourceRange } => d.code === code && d.severity === severity && !!d.range && isNativeFile(d.range.filename) && context.sources.has(d.range.filename),
  );
}

/** The source text a range covers. */
export function textAt(context: RepairContext, range: SourceRange): string {
  return sliceBytes(context.sources.get(range.filename) ?? '', range.start.byte, range.end.byte);
}

/** A validator repair of `diagnostic` with `edits`. */
export function validatorRepair(kind: string, diagnostic: Diagnostic & { range: SourceRange }, description: string, edits: SourceEdit[], note?: string): Repair {
  return {
    kind,
    source: 'validate',
    location: locationOf(diagnostic.range),
    description,
    reason: formatDiagnostic(diagnostic),
    diagnostic: { summary: diagnostic.summary, detail: diagnostic.detail },
    edits,
    ...(note ? { note } : {}),
  };
}

/** An edit replacing exactly the bytes of `range`. */
export function replaceRange(range: SourceRange, text: string): SourceEdit {
  return { file: range.filename, start: range.start.byte, end: range.end.byte, text };
}
