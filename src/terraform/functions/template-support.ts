import { EvalAbort } from '../eval/eval-error.ts';
import { isObject, type TfValue, UNKNOWN } from '../eval/value.ts';
import { type CallContext, FunctionArgError, FunctionError } from './define-function.ts';

const IDENT = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Parses `source` as a template and evaluates it with exactly `vars` in scope (templatefile and
 * templatestring). Problems inside the template become one "Error in function call" message that
 * names the template position, as Terraform reports them.
 */
export function renderTemplate(source: string, filename: string, vars: TfValue, ctx: CallContext, varsArg: number): TfValue {
  if (vars !== null && !isObject(vars)) throw new FunctionArgError(varsArg, 'a map or object is required');
  const bindings: Record<string, TfValue> = {};
  for (const [k, v] of Object.entries(vars ?? {})) {
    if (!IDENT.test(k))
      throw new FunctionArgError(varsArg, `invalid template variable name ${JSON.stringify(k)}: must start with a letter, followed by zero or more letters, digits, and underscores`);
    bindings[k] = v;
  }
  if (!ctx.parseTemplate) {
    ctx.warn('Template not evaluated', `iacpac has no template parser in this context; the result of rendering ${filename} is treated as unknown.`);
    return UNKNOWN;
  }
  const parsed = ctx.parseTemplate(source, filename);
  if ('diagnostic' in parsed) throw new FunctionError(`${where(parsed.diagnostic.range)}${parsed.diagnostic.summary}; ${parsed.diagnostic.detail}`);
  try {
    return ctx.evaluateTemplate(parsed.expr, bindings);
  } catch (error) {
    if (error instanceof EvalAbort) {
      const d = error.diagnostic;
      const missing = /^There is no variable named "(.*)"\.$/.exec(d.detail);
      if (d.summary === 'Unknown variable' && missing)
        throw new FunctionArgError(varsArg, `vars map does not contain key ${JSON.stringify(missing[1])}, referenced at ${where(d.range).replace(/: $/, '')}`);
      throw new FunctionError(`${where(d.range)}${d.summary}; ${d.detail}`);
    }
    throw error;
  }
}

function where(range: { filename: string; start: { line: number; column: number }; end: { line: number; column: number } } | undefined): string {
  if (!range) return '';
  return `${range.filename}:${range.start.line},${range.start.column}-${range.end.column}: `;
}
