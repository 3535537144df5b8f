/** Rego errors as the project's common `Diagnostic` records (core/diagnostics.ts). */
import type { Diagnostic } from '../core/diagnostics.ts';
import { RegoCompileErrors, RegoError } from './syntax/errors.ts';

/** The diagnostics of a thrown Rego error (parse, compile or evaluation), or undefined for other errors. */
export function regoDiagnostics(error: unknown): Diagnostic[] | undefined {
  const list = error instanceof RegoCompileErrors ? error.errors : error instanceof RegoError ? [error] : undefined;
  return list?.map((e) => {
    const [summary, ...rest] = e.detail.split('\n');
    const d: Diagnostic = { severity: 'error', summary: summary ?? e.detail, detail: rest.map((l) => l.trim()).join('\n'), source: 'rego', code: e.code };
    if (e.location) {
      const pos = { line: e.location.row, column: e.location.col, byte: 0 };
      d.range = { filename: e.location.file, start: pos, end: pos };
    }
    return d;
  });
}
