import type { Diagnostic } from '../../core/diagnostics.ts';
import type { SourceRange } from '../../core/source-range.ts';

/** Stops evaluation of the current expression with one diagnostic (caught by the evaluator, never escapes it). */
export class EvalAbort extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.summary);
    this.name = 'EvalAbort';
  }
}

/**
 * A diagnostic about a function call also names the function as called and its signature, which Terraform
 * shows in the diagnostic's snippet (`function_call` in `validate -json`).
 */
export interface FunctionCallExtra {
  functionCall?: { called_as: string; signature?: { name: string; params: Array<{ name: string; type: unknown }>; variadic_param?: { name: string; type: unknown }; return_type: unknown } };
}

export function evalError(summary: string, detail: string, range: SourceRange, extra?: FunctionCallExtra): EvalAbort {
  return new EvalAbort({ severity: 'error', summary, detail, range, source: 'eval', ...extra });
}
