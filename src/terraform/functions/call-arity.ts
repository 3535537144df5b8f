import type { SourceRange } from '../../core/source-range.ts';
import type { FunctionCallExpr } from '../../hcl/ast.ts';
import type { FunctionSignature } from './signatures.ts';

/** A call with the wrong number of arguments, in HCL's words and at HCL's range. */
export interface ArityProblem {
  summary: 'Not enough function arguments' | 'Too many function arguments';
  detail: string;
  range: SourceRange;
}

/** HCL's `CloseParenRange` of a call: its closing parenthesis. */
export function closeParenRange(call: FunctionCallExpr): SourceRange {
  const { end } = call.range;
  return { filename: call.range.filename, start: { line: end.line, column: end.column - 1, byte: end.byte - 1 }, end };
}

/**
 * The argument-count check HCL makes before it evaluates a call's arguments (hclsyntax FunctionCallExpr.Value),
 * the one check used by the evaluator, the validator and `checkFunctionCall`: too few arguments are reported at
 * the closing parenthesis ("expects at least N" when the function is variadic, naming the first missing
 * parameter), too many at the start of the first extra argument. The name is the one written (`core::upper`).
 * `argumentCount` counts the arguments after expanding a final `...` argument; `argumentStart(i)` is HCL's start
 * range of argument i.
 */
export function arityProblem(
  call: FunctionCallExpr,
  signature: Pick<FunctionSignature, 'params' | 'variadic'>,
  argumentCount: number,
  argumentStart: (index: number) => SourceRange,
): ArityProblem | undefined {
  const params = signature.params;
  const name = JSON.stringify(call.name);
  if (argumentCount < params.length) {
    const missing = params[argumentCount]?.name ?? '';
    return {
      summary: 'Not enough function arguments',
      detail: `Function ${name} expects${signature.variadic ? ' at least' : ''} ${params.length} argument(s). Missing value for ${JSON.stringify(missing)}.`,
      range: closeParenRange(call),
    };
  }
  if (!signature.variadic && argumentCount > params.length) {
    return { summary: 'Too many function arguments', detail: `Function ${name} expects only ${params.length} argument(s).`, range: argumentStart(params.length) };
  }
  return undefined;
}
