import type { Diagnostic } from '../../core/diagnostics.ts';
import type { SourceRange } from '../../core/source-range.ts';

/** Stops evaluation of the current expression with one diagnostic (caught by the evaluator, never escapes it). */
export class EvalAbort extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.summary);
    this.name = 'EvalAbort';
  }
}

export function evalError(summary: string, detail: string, range: SourceRange): EvalAbort {
  return new EvalAbort({ severity: 'error', summary, detail, range, source: 'eval' });
}
