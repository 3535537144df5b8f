import type { Diagnostic } from '../../core/diagnostics.ts';
import type { SourceRange } from '../../core/source-range.ts';
import type { Expression, FunctionCallExpr } from '../../hcl/ast.ts';
import { startRange } from '../../hcl/start-range.ts';
import { type CallContext, FunctionArgError, FunctionError, type ParamOptions } from '../functions/define-function.ts';
import { FUNCTIONS } from '../functions/index.ts';
import { arityProblem, functionCallExtra, tryFailedDetail } from '../functions/call-arity.ts';
import { lookupRemovedFunction, removedFunctionDetail } from '../functions/removed-functions.ts';
import { lookupFunctionSignature, type ParamSignature } from '../functions/signatures.ts';
import { convert } from './convert.ts';
import { UNKNOWN_TEXT } from './context.ts';
import { EvalAbort, evalError } from './eval-error.ts';
import { defaultTemplateParser } from './template-parser.ts';
import type { Evaluator } from './evaluate.ts';
import { T_BOOL, typeFromJson } from './types.ts';
import { collectionInfo, isObject, isSensitive, isWhollyKnown, makeList, makeMap, makeSet, markSensitive, type TfObject, type TfValue, Unknown, UNKNOWN, unknownOf, unmarkDeep } from './value.ts';

type Bindings = ReadonlyMap<string, TfValue>;

/** Evaluates a function call with cty's calling convention (arity, null/unknown/mark handling, conversion). */
export function callFunction(ev: Evaluator, expr: FunctionCallExpr, scope: Bindings): TfValue {
  const name = expr.name.startsWith('core::') ? expr.name.slice('core::'.length) : expr.name;
  if (name.startsWith('provider::') && ev.ctx.providerFunctions) return callProviderFunction(ev, expr, scope, ev.ctx.providerFunctions);
  if (name.startsWith('provider::')) {
    for (const arg of expr.args) ev.eval(arg, scope);
    ev.warn('Provider function not evaluated', `iacpac does not run provider functions; the result of ${expr.name} is treated as unknown (known after apply).`, expr.nameRange);
    return UNKNOWN;
  }
  if (name === 'try') return callTry(ev, expr, scope);
  if (name === 'can') return callCan(ev, expr, scope);

  const removed = lookupRemovedFunction(name);
  if (removed) {
    // Every call fails once its arguments are evaluated (their errors come first, as in HCL).
    for (const arg of expr.args) ev.eval(arg, scope);
    throw evalError('Error in function call', removedFunctionDetail(expr.name, removed), callStart(expr), functionCallExtra(expr.name, removed));
  }
  const sig = lookupFunctionSignature(name);
  if (!sig) throw evalError('Call to unknown function', `There is no function named ${JSON.stringify(expr.name)}.`, expr.nameRange);

  // templatestring renders templates fetched from elsewhere: its template must be a plain reference.
  const extra = functionCallExtra(expr.name, sig);
  const templateArg = name === 'templatestring' ? expr.args[0] : undefined;
  if (templateArg && templateArg.kind !== 'traversal') {
    const why =
      templateArg.kind === 'template' || (templateArg.kind === 'literal' && typeof templateArg.value === 'string')
        ? 'templatestring is only for rendering templates retrieved dynamically from elsewhere; to render an inline template, consider using a plain template string expression'
        : 'must be a direct reference to a single string from elsewhere, containing valid Terraform template syntax';
    throw evalError('Invalid function argument', `Invalid value for "template" parameter: invalid template expression: ${why}.`, templateArg.range, extra);
  }

  // As HCL: the argument count is checked before the arguments are evaluated (after expanding a final `...`).
  const arity = (count: number, ranges: (i: number) => SourceRange) => {
    const problem = arityProblem(expr, sig, count, ranges);
    if (problem) throw evalError(problem.summary, problem.detail, problem.range, extra);
  };
  if (!expr.expandFinal) arity(expr.args.length, (i) => startRange(expr.args[i]!));

  // Arguments, with `...` expansion of the last one.
  const args: TfValue[] = [];
  const argRanges: SourceRange[] = [];
  for (let i = 0; i < expr.args.length; i++) {
    const argExpr = expr.args[i]!;
    const v = ev.eval(argExpr, scope);
    if (expr.expandFinal && i === expr.args.length - 1) {
      const { value, sensitive } = unmarkDeep(v);
      if (value instanceof Unknown) return UNKNOWN;
      if (value === null) throw evalError('Invalid expanding argument value', 'The expanding argument (indicated by ...) must not be null.', argExpr.range, extra);
      if (!Array.isArray(value))
        throw evalError('Invalid expanding argument value', 'The expanding argument (indicated by ...) must be of a tuple, list, or set type.', argExpr.range, extra);
      for (const item of value) {
        args.push(sensitive ? markSensitive(item) : item);
        argRanges.push(startRange(argExpr));
      }
    } else {
      args.push(v);
      argRanges.push(startRange(argExpr));
    }
  }
  if (expr.expandFinal) arity(args.length, (i) => argRanges[i] ?? expr.range);

  if (name === 'jsonencode' && ev.ctx.lenient && args.length === 1) {
    const arg = args[0] as TfValue;
    if (!isWhollyKnown(arg) && !(unmarkDeep(arg).value instanceof Unknown)) {
      args[0] = withUnknownText(arg, UNKNOWN_TEXT);
      ev.ctx.lenient.used = true;
    }
  }

  const n = sig.params.length;

  if (ev.inTemplate && (name === 'templatefile' || name === 'templatestring'))
    throw evalError('Error in function call', `Call to function ${JSON.stringify(expr.name)} failed: cannot recursively call ${name} from inside another template function.`, callStart(expr), extra);
  const fn = FUNCTIONS.get(name);
  const returnType = typeFromJson(sig.returns);
  if (!fn) {
    ev.warn('Function not evaluated', `iacpac does not evaluate ${JSON.stringify(name)} yet; its result is treated as unknown (known after apply).`, expr.nameRange);
    return unknownOf(returnType);
  }

  let sensitive = false;
  let resultUnknown = false;
  const converted: TfValue[] = [];
  for (let i = 0; i < args.length; i++) {
    const param: ParamSignature = i < n ? sig.params[i]! : sig.variadic!;
    const opts: ParamOptions = (i < n ? fn.params?.[i] : fn.variadic) ?? {};
    let v: TfValue = args[i] as TfValue;
    const range = argRanges[i]!;
    if (!opts.allowMarked) {
      const u = unmarkDeep(v);
      if (u.sensitive) sensitive = true;
      v = u.value;
    }
    if (v === null && !opts.allowNull && !param.nullable)
      throw evalError('Invalid function argument', `Invalid value for ${JSON.stringify(param.name)} parameter: argument must not be null.`, range, extra);
    if (v instanceof Unknown && !opts.allowUnknown) {
      resultUnknown = true;
      converted.push(v);
      continue;
    }
    if (!fn.partialUnknown && !opts.allowUnknown && !isWhollyKnown(v)) resultUnknown = true;
    const c = convert(v, typeFromJson(param.type));
    if (!c.ok) throw evalError('Invalid function argument', `Invalid value for ${JSON.stringify(param.name)} parameter: ${c.error}.`, range, extra);
    converted.push(c.value);
  }
  if (resultUnknown) return sensitive ? markSensitive(unknownOf(returnType)) : unknownOf(returnType);

  const ctx: CallContext = {
    baseDir: ev.ctx.baseDir,
    rootDir: ev.ctx.rootDir,
    cwd: ev.ctx.cwd,
    range: expr.range,
    warn: (summary, detail) => ev.warn(summary, detail, expr.range),
    // Read only by templatefile/templatestring: the shared parser starts loading when a template is first parsed.
    get parseTemplate() {
      return ev.ctx.parseTemplate ?? defaultTemplateParser();
    },
    evaluateTemplate: (template: Expression, vars: Record<string, TfValue>) => ev.evalIsolated(template, vars),
  };
  let result: TfValue;
  try {
    result = fn.impl(converted, ctx);
  } catch (error) {
    if (error instanceof EvalAbort) throw error;
    if (error instanceof FunctionArgError) {
      const param = error.argIndex < n ? sig.params[error.argIndex] : sig.variadic;
      throw evalError(
        'Invalid function argument',
        `Invalid value for ${JSON.stringify(param?.name ?? `argument ${error.argIndex + 1}`)} parameter: ${error.message}.`,
        argRanges[error.argIndex] ?? expr.range,
        extra,
      );
    }
    const message = error instanceof FunctionError ? error.message : error instanceof RangeError ? 'the result is too large' : String(error);
    throw evalError('Error in function call', `Call to function ${JSON.stringify(name)} failed: ${message}.`, callStart(expr), extra);
  }
  result = normalizeStrings(result);
  return sensitive ? markSensitive(result) : result;
}

/** Function results hold strings in Unicode normal form C, as every cty string value does. */
function normalizeStrings(v: TfValue): TfValue {
  if (typeof v === 'string') return v.normalize('NFC');
  if (Array.isArray(v)) {
    if (!v.some((x) => typeof x === 'string' || (x !== null && typeof x === 'object'))) return v;
    const out = v.map(normalizeStrings);
    const info = collectionInfo(v);
    return info?.kind === 'set' ? makeSet(out, info.element) : info ? makeList(out, info.element) : out;
  }
  if (isObject(v)) {
    const out: TfObject = {};
    for (const k of Object.keys(v)) out[k.normalize('NFC')] = normalizeStrings(v[k]!);
    const info = collectionInfo(v);
    return info ? makeMap(out, info.element) : out;
  }
  return v;
}

function callTry(ev: Evaluator, expr: FunctionCallExpr, scope: Bindings): TfValue {
  // try takes only a variadic parameter, so no argument count is wrong for HCL: the function itself refuses none.
  if (expr.args.length === 0) throw evalError('Error in function call', `Call to function ${JSON.stringify(expr.name)} failed: at least one argument is required.`, callStart(expr), functionCallExtra(expr.name, lookupFunctionSignature('try')!));
  const failures: Diagnostic[] = [];
  for (const arg of expr.args) {
    const r = ev.attempt(arg, scope);
    if (r.ok) {
      // A value that is not wholly known might still fail once known: the result is unknown.
      return isWhollyKnown(r.value) ? r.value : UNKNOWN;
    }
    failures.push(...r.diagnostics);
  }
  throw evalError('Error in function call', tryFailedDetail(failures), callStart(expr), functionCallExtra(expr.name, lookupFunctionSignature('try')!));
}

/** HCL reports call failures at the name and opening parenthesis (`upper(`). */
function callStart(expr: FunctionCallExpr): SourceRange {
  const { start, end } = expr.nameRange;
  return { filename: expr.nameRange.filename, start, end: { line: end.line, column: end.column + 1, byte: end.byte + 1 } };
}

function callCan(ev: Evaluator, expr: FunctionCallExpr, scope: Bindings): TfValue {
  const problem = arityProblem(expr, lookupFunctionSignature('can')!, expr.args.length, (i) => startRange(expr.args[i]!));
  if (problem) throw evalError(problem.summary, problem.detail, problem.range, functionCallExtra(expr.name, lookupFunctionSignature('can')!));
  const r = ev.attempt(expr.args[0]!, scope);
  if (!r.ok) return false;
  return isWhollyKnown(r.value) ? true : unknownOf(T_BOOL);
}

/** A copy of `v` with every unknown part replaced by `text` (marks kept). */
function withUnknownText(v: TfValue, text: string, depth = 0): TfValue {
  if (v instanceof Unknown) return text;
  if (depth > 256) return v;
  if (isSensitive(v)) return markSensitive(withUnknownText(v.value, text, depth + 1));
  if (Array.isArray(v)) return v.map((item) => withUnknownText(item, text, depth + 1));
  if (isObject(v)) {
    const out: TfObject = {};
    for (const [key, item] of Object.entries(v)) out[key] = withUnknownText(item, text, depth + 1);
    return out;
  }
  return v;
}

/**
 * `provider::<name>::<function>(...)`: resolved through the module's providers, checked and converted with the
 * function's schema signature like a built-in function, and computed when iacpac knows the function.
 */
function callProviderFunction(ev: Evaluator, expr: FunctionCallExpr, scope: Bindings, lookup: NonNullable<Evaluator['ctx']['providerFunctions']>): TfValue {
  const [, providerName = '', functionName = ''] = expr.name.split('::');
  const found = lookup(providerName, functionName);
  if ('error' in found) {
    const detail =
      found.error === 'unknown-provider'
        ? `There is no function named ${JSON.stringify(expr.name)}. Ensure that provider name ${JSON.stringify(providerName)} is declared in this module's required_providers block, and that this provider offers a function named ${JSON.stringify(functionName)}.`
        : `The function ${JSON.stringify(functionName)} is not available from the provider ${JSON.stringify(providerName)}.`;
    throw evalError('Unknown provider function', detail, expr.nameRange);
  }
  const fn = found.fn;
  const sig = { name: fn.name, category: 'provider' as never, params: fn.params, ...(fn.variadic ? { variadic: fn.variadic } : {}), returns: fn.returns, implemented: Boolean(fn.impl) };
  const extra = functionCallExtra(expr.name, sig);
  if (!expr.expandFinal) {
    const problem = arityProblem(expr, sig, expr.args.length, (i) => startRange(expr.args[i]!));
    if (problem) throw evalError(problem.summary, problem.detail, problem.range, extra);
  }
  const values: unknown[] = [];
  let known = true;
  for (const [i, argExpr] of expr.args.entries()) {
    const param = fn.params[i] ?? fn.variadic;
    const raw = unmarkDeep(ev.eval(argExpr, scope)).value;
    if (!param) continue;
    if (raw === null) throw evalError('Invalid function argument', `Invalid value for ${JSON.stringify(param.name)} parameter: argument must not be null.`, startRange(argExpr), extra);
    const c = convert(raw, typeFromJson(param.type));
    if (!c.ok) throw evalError('Invalid function argument', `Invalid value for ${JSON.stringify(param.name)} parameter: ${c.error}.`, startRange(argExpr), extra);
    if (!isWhollyKnown(c.value)) known = false;
    values.push(c.value);
  }
  const returnType = typeFromJson(fn.returns);
  if (!known || !fn.impl || expr.expandFinal) return unknownOf(returnType);
  let result: unknown;
  try {
    result = fn.impl(values);
  } catch (error) {
    if (error instanceof FunctionError) throw evalError('Error in function call', `Call to function ${JSON.stringify(expr.name)} failed: ${error.message}.`, callStart(expr), extra);
    throw error;
  }
  return result === undefined ? unknownOf(returnType) : (result as TfValue);
}
