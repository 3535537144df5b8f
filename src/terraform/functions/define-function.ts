import type { Diagnostic } from '../../core/diagnostics.ts';
import type { SourceRange } from '../../core/source-range.ts';
import type { Expression } from '../../hcl/ast.ts';
import type { TfValue } from '../eval/value.ts';

/** How a parameter treats special values (cty's `function.Parameter` flags). */
export interface ParamOptions {
  /** Null reaches the implementation (otherwise: "argument must not be null"). */
  allowNull?: boolean;
  /** Unknown values reach the implementation (otherwise the call's result is unknown). */
  allowUnknown?: boolean;
  /** Sensitive marks reach the implementation (otherwise stripped and re-applied to the result). */
  allowMarked?: boolean;
}

/** What a function implementation can reach besides its arguments. */
export interface CallContext {
  /** `path.module`: the directory file functions are confined to (absolute). */
  baseDir?: string;
  /** `path.root` and `path.cwd` (absolute). */
  rootDir?: string;
  cwd?: string;
  range: SourceRange;
  warn(summary: string, detail: string): void;
  /** Parses template text (for `templatefile`/`templatestring`); absent when no parser was provided. */
  parseTemplate?: (source: string, filename: string) => { expr: Expression } | { diagnostic: Diagnostic };
  /** Evaluates a template with exactly the given variables (the template's own scope). */
  evaluateTemplate(expr: Expression, vars: Record<string, TfValue>): TfValue;
}

/**
 * A Terraform function implementation. Parameter names and types come from `signatures.ts`; arguments
 * arrive converted to those types (unless unknown/null where allowed). Implementations throw
 * `FunctionArgError` (bad argument n) or `FunctionError` (call failed); the evaluator turns those into
 * Terraform's "Invalid function argument" / "Error in function call" diagnostics.
 */
export interface TfFunction {
  name: string;
  params?: readonly ParamOptions[];
  variadic?: ParamOptions;
  /**
   * The implementation handles arguments with unknown values nested inside collections (e.g. `length`,
   * `merge`, `concat` keep what is known). Otherwise a call with such an argument returns unknown.
   */
  partialUnknown?: boolean;
  impl(args: TfValue[], ctx: CallContext): TfValue;
}

export function defineFunction(fn: TfFunction): TfFunction {
  return fn;
}

/** Argument `index` (0-based) is invalid; message is one sentence without a trailing period. */
export class FunctionArgError extends Error {
  constructor(
    readonly argIndex: number,
    message: string,
  ) {
    super(message);
    this.name = 'FunctionArgError';
  }
}

/** The call failed as a whole. */
export class FunctionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FunctionError';
  }
}
