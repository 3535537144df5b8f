import type { Diagnostic, DiagnosticSnippet } from '../core/diagnostics.ts';
import type { SourcePos, SourceRange } from '../core/source-range.ts';

/** A diagnostic of the embedded validator; `context` widens the snippet the way HCL's `Diagnostic.Context` does. */
export interface ValidatorDiagnostic extends Diagnostic {
  context?: SourceRange;
  /** Snippet extras Terraform adds for expression diagnostics. */
  functionCall?: NonNullable<DiagnosticSnippet['function_call']>;
  values?: DiagnosticSnippet['values'];
  /** Where to sort a diagnostic whose own range is not in a file (Terraform's empty range). */
  sortAt?: SourceRange;
}

export function errorAt(code: string, summary: string, detail: string, range: SourceRange | undefined, context?: SourceRange): ValidatorDiagnostic {
  const diagnostic: ValidatorDiagnostic = { severity: 'error', summary, detail, source: 'schema', code };
  if (range) diagnostic.range = range;
  if (context) diagnostic.context = context;
  return diagnostic;
}

export function warningAt(code: string, summary: string, detail: string, range: SourceRange | undefined): ValidatorDiagnostic {
  const diagnostic: ValidatorDiagnostic = { severity: 'warning', summary, detail, source: 'schema', code };
  if (range) diagnostic.range = range;
  return diagnostic;
}

/** The one-character range starting at `pos` (HCL's `MissingItemRange` of a block body is its `{`). */
export function charRange(filename: string, pos: SourcePos): SourceRange {
  return { filename, start: pos, end: { line: pos.line, column: pos.column + 1, byte: pos.byte + 1 } };
}

/** `main.tf:9,1-13` / `main.tf:3,10-6,4`, as HCL's `Range.String()` prints ranges in details. */
export function rangeString(range: SourceRange): string {
  if (range.start.line === range.end.line) {
    return `${range.filename}:${range.start.line},${range.start.column}-${range.end.column}`;
  }
  return `${range.filename}:${range.start.line},${range.start.column}-${range.end.line},${range.end.column}`;
}

/** Range covering both. */
export function rangeOver(a: SourceRange, b: SourceRange): SourceRange {
  const start = a.start.byte <= b.start.byte ? a.start : b.start;
  const end = a.end.byte >= b.end.byte ? a.end : b.end;
  return { filename: a.filename, start, end };
}

/**
 * A summary for comparisons with Terraform's: a "Cycle: a, b" summary lists its vertices in Go map order, which
 * changes from run to run, so its vertices are sorted.
 */
export function comparableSummary(summary: string): string {
  return summary.startsWith('Cycle: ') ? `Cycle: ${summary.slice('Cycle: '.length).split(', ').sort().join(', ')}` : summary;
}
