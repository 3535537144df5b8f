import type { Diagnostic } from '../../core/diagnostics.ts';
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

/** The called function as Terraform describes it under a diagnostic's snippet (its JSON leaves out is_nullable). */
export function functionCallExtra(calledAs: string, signature: Pick<FunctionSignature, 'name' | 'params' | 'variadic' | 'returns'>, inFor = false): { functionCall: { called_as: string; signature?: { name: string; params: Array<{ name: string; type: unknown }>; variadic_param?: { name: string; type: unknown }; return_type: unknown } } } {
  if (inFor) return { functionCall: { called_as: calledAs } };
  const param = (p: FunctionSignature['params'][number]) => ({ name: p.name, type: p.type as unknown });
  return {
    functionCall: {
      called_as: calledAs,
      signature: {
        name: signature.name,
        params: signature.params.map(param),
        ...(signature.variadic ? { variadic_param: param(signature.variadic) } : {}),
        return_type: signature.returns as unknown,
      },
    },
  };
}

/** HCL's `file:line,col-endcol` form of a diagnostic's range. */
function hclRange(d: Diagnostic): string {
  if (!d.range) return '';
  const { filename, start, end } = d.range;
  return start.line === end.line
    ? `${filename}:${start.line},${start.column}-${end.column}`
    : `${filename}:${start.line},${start.column}-${end.line},${end.column}`;
}

/** The detail of a `try` call none of whose arguments evaluated without errors, listing those errors. */
export function tryFailedDetail(failures: readonly Diagnostic[]): string {
  const lines = failures.map((d) => `- ${d.summary} (at ${hclRange(d)})\n  ${d.detail}`).join('\n');
  return `Call to function "try" failed: no expression succeeded:\n${lines}\n\nAt least one expression must produce a successful result.`;
}
