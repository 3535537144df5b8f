import type { Diagnostic } from '../../core/diagnostics.ts';
import type { SourceRange } from '../../core/source-range.ts';
import type {
  BinaryExpr,
  ConditionalExpr,
  Expression,
  ForExpr,
  FunctionCallExpr,
  ObjectExpr,
  SplatExpr,
  TemplateExpr,
  TemplatePart,
  TraversalStep,
} from '../../hcl/ast.ts';
import { callFunction } from './call-function.ts';
import { DEFAULT_LIMITS, type EvalContext, type EvalLimits } from './context.ts';
import { convert } from './convert.ts';
import { EvalAbort, evalError } from './eval-error.ts';
import { decimalArithmetic } from './numbers.ts';
import { applyAttr, applyIndex } from './traverse.ts';
import { friendlyTypeName, T_BOOL, T_DYNAMIC, T_NUMBER, T_STRING, type TfType } from './types.ts';
import {
  collectionInfo,
  describeType,
  isObject,
  makeList,
  markSensitive,
  Sensitive,
  sortedKeys,
  type TfObject,
  type TfValue,
  typeOf,
  unifyTypes,
  Unknown,
  UNKNOWN,
  unknownOf,
  unmarkDeep,
  valuesEqual,
} from './value.ts';

import { UNKNOWN_TEXT } from './context.ts';
export type { EvalContext, ReferenceResolver, ResolvedReference } from './context.ts';

/**
 * Evaluates an expression to a value, appending problems to `diagnostics` (Terraform's summaries, the
 * failing expression's range). On error the result is UNKNOWN, so callers can carry on. Never throws.
 */
export function evaluateExpression(expr: Expression, ctx: EvalContext, diagnostics: Diagnostic[]): TfValue {
  const ev = new Evaluator(ctx, diagnostics);
  return ev.top(expr);
}

/** Convenience: evaluate and return the diagnostics alongside. */
export function evaluate(expr: Expression, ctx: EvalContext = {}): { value: TfValue; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const value = evaluateExpression(expr, ctx, diagnostics);
  return { value, diagnostics };
}

type Bindings = ReadonlyMap<string, TfValue>;
const NO_BINDINGS: Bindings = new Map();

export class Evaluator {
  readonly limits: EvalLimits;
  private steps = 0;
  private readonly depth: { current: number };
  /** True while rendering a template (templatefile/templatestring may not recurse). */
  inTemplate = false;

  constructor(
    readonly ctx: EvalContext,
    readonly diagnostics: Diagnostic[],
  ) {
    this.limits = ctx.limits ? { ...DEFAULT_LIMITS, ...ctx.limits } : DEFAULT_LIMITS;
    this.depth = ctx.depth ?? { current: 0 };
  }

  top(expr: Expression): TfValue {
    const initial: Bindings = this.ctx.variables ? new Map<string, TfValue>(Object.entries(this.ctx.variables)) : NO_BINDINGS;
    try {
      return this.eval(expr, initial);
    } catch (error) {
      this.diagnostics.push(toDiagnostic(error, expr.range));
      return UNKNOWN;
    }
  }

  /** Evaluates in a scope holding only `vars` (no references to the configuration): template rendering. */
  evalIsolated(expr: Expression, vars: Record<string, TfValue>): TfValue {
    const child = new Evaluator({ ...this.ctx, resolver: undefined, variables: undefined, depth: this.depth }, this.diagnostics);
    child.steps = this.steps;
    child.inTemplate = true;
    try {
      return child.eval(expr, new Map(Object.entries(vars)));
    } finally {
      this.steps = child.steps;
    }
  }

  warn(summary: string, detail: string, range: SourceRange): void {
    this.diagnostics.push({ severity: 'warning', summary, detail, range, source: 'eval' });
  }

  eval(expr: Expression, scope: Bindings): TfValue {
    if (++this.steps > this.limits.maxSteps)
      throw evalError('Evaluation too complex', `This expression needs more than ${this.limits.maxSteps} evaluation steps, which iacpac does not attempt. Simplify it.`, expr.range);
    if (this.depth.current >= this.limits.maxDepth)
      throw evalError('Expression nested too deeply', `Evaluating this expression nests more than ${this.limits.maxDepth} levels (for example a reference cycle between locals).`, expr.range);
    this.depth.current++;
    try {
      return this.evalInner(expr, scope);
    } finally {
      this.depth.current--;
    }
  }

  private evalInner(expr: Expression, scope: Bindings): TfValue {
    switch (expr.kind) {
      case 'literal':
        // cty keeps every string in Unicode normal form C.
        return typeof expr.value === 'string' ? expr.value.normalize('NFC') : expr.value;
      case 'template':
        return this.template(expr, scope);
      case 'traversal':
        return this.traversal(expr.root, expr.steps, expr.rootRange, expr.range, scope);
      case 'relative': {
        let value = this.eval(expr.source, scope);
        for (const step of expr.steps) value = this.step(value, step, scope);
        return value;
      }
      case 'call':
        return this.call(expr, scope);
      case 'tuple':
        return expr.items.map((item) => this.eval(item, scope));
      case 'object':
        return this.object(expr, scope);
      case 'binary':
        return this.binary(expr, scope);
      case 'unary': {
        const raw = this.eval(expr.operand, scope);
        const { value, sensitive } = unmarkDeep(raw);
        const want = expr.op === '!' ? T_BOOL : T_NUMBER;
        const result = this.unaryOp(expr.op, value, want, expr.operand.range);
        return sensitive ? markSensitive(result) : result;
      }
      case 'conditional':
        return this.conditional(expr, scope);
      case 'for':
        return this.forExpr(expr, scope);
      case 'splat':
        return this.splat(expr, scope);
      case 'index': {
        const collection = this.eval(expr.collection, scope);
        const key = this.eval(expr.key, scope);
        return applyIndex(collection, key, expr.range);
      }
      case 'parens':
        return this.eval(expr.expr, scope);
      case 'invalid':
        // The parser already reported the syntax error.
        return UNKNOWN;
    }
  }

  step(value: TfValue, step: TraversalStep, scope: Bindings): TfValue {
    if (step.kind === 'attr') return applyAttr(value, step.name, step.range);
    return applyIndex(value, this.eval(step.key, scope), step.range);
  }

  private traversal(root: string, steps: readonly TraversalStep[], rootRange: SourceRange, range: SourceRange, scope: Bindings): TfValue {
    let value: TfValue;
    let rest: readonly TraversalStep[];
    if (scope.has(root)) {
      value = scope.get(root)!;
      rest = steps;
    } else {
      const resolved = this.ctx.resolver?.resolve(root, steps, range);
      if (!resolved) throw evalError('Unknown variable', `There is no variable named ${JSON.stringify(root)}.`, rootRange);
      if ('diagnostic' in resolved) {
        if (!this.ctx.lenient) throw new EvalAbort(resolved.diagnostic);
        this.ctx.lenient.used = true;
        this.diagnostics.push(resolved.diagnostic);
        return UNKNOWN;
      }
      value = resolved.value;
      rest = steps.slice(resolved.consumed);
    }
    for (const step of rest) value = this.step(value, step, scope);
    return value;
  }

  private object(expr: ObjectExpr, scope: Bindings): TfValue {
    const out: TfObject = {};
    let unknownKey = false;
    let sensitive = false;
    for (const item of expr.items) {
      const rawKey = this.eval(item.key, scope);
      const value = this.eval(item.value, scope);
      const { value: key, sensitive: keySensitive } = unmarkDeep(rawKey);
      if (keySensitive) sensitive = true;
      if (key === null) throw evalError('Null value as key', "Can't use a null value as a key.", item.key.range);
      if (key instanceof Unknown) {
        unknownKey = true;
        continue;
      }
      const k = convert(key, T_STRING);
      if (!k.ok) throw evalError('Incorrect key type', `Can't use this value as a key: ${k.error}.`, item.key.range);
      out[k.value as string] = value;
    }
    if (unknownKey) return UNKNOWN;
    return sensitive ? markSensitive(out) : out;
  }

  private template(expr: TemplateExpr, scope: Bindings): TfValue {
    const only = expr.parts.length === 1 ? expr.parts[0] : undefined;
    if (only?.kind === 'interpolation' && !expr.heredoc) {
      // `"${x}"` is x itself, unconverted (HCL's template wrap).
      return this.eval(only.expr, scope);
    }
    const state = { text: '', unknown: false, sensitive: false, directiveUnknown: false };
    this.templateParts(expr.parts, scope, state);
    if (state.unknown && this.ctx.lenient && !state.directiveUnknown && /^\s*[[{]/.test(state.text)) {
      // Lenient reading: a template that writes a JSON document (a policy in a heredoc) keeps its text, with each
      // unknown interpolation written as UNKNOWN_TEXT, so the document can still be judged.
      this.ctx.lenient.used = true;
      const text = state.text.normalize('NFC');
      return state.sensitive ? markSensitive(text) : text;
    }
    if (state.unknown) return state.sensitive ? markSensitive(unknownOf(T_STRING)) : unknownOf(T_STRING);
    const text = state.text.normalize('NFC');
    return state.sensitive ? markSensitive(text) : text;
  }

  private templateParts(
    parts: TemplatePart[],
    scope: Bindings,
    state: { text: string; unknown: boolean; sensitive: boolean; directiveUnknown?: boolean },
  ): void {
    for (const part of parts) {
      switch (part.kind) {
        case 'text':
          state.text += part.value;
          break;
        case 'interpolation': {
          const { value, sensitive } = unmarkDeep(this.eval(part.expr, scope));
          if (sensitive) state.sensitive = true;
          if (value instanceof Unknown) {
            state.unknown = true;
            state.text += UNKNOWN_TEXT;
            break;
          }
          if (value === null)
            throw evalError('Invalid template interpolation value', 'The expression result is null. Cannot include a null value in a string template.', part.expr.range);
          const s = convert(value, T_STRING);
          if (!s.ok) throw evalError('Invalid template interpolation value', `Cannot include the given value in a string template: ${s.error}.`, part.expr.range);
          state.text += s.value as string;
          break;
        }
        case 'if': {
          const { value, sensitive } = unmarkDeep(this.eval(part.cond, scope));
          if (sensitive) state.sensitive = true;
          if (value instanceof Unknown) {
            state.unknown = true;
            state.directiveUnknown = true;
            break;
          }
          if (value === null) throw evalError('Invalid template if directive', 'The condition value is null. Conditions must either be true or false.', part.cond.range);
          const b = convert(value, T_BOOL);
          if (!b.ok) throw evalError('Invalid template if directive', `The condition value is invalid: ${b.error}.`, part.cond.range);
          if (b.value === true) this.templateParts(part.then, scope, state);
          else if (part.else) this.templateParts(part.else, scope, state);
          break;
        }
        case 'for': {
          const { value, sensitive } = unmarkDeep(this.eval(part.collection, scope));
          if (sensitive) state.sensitive = true;
          if (value instanceof Unknown) {
            state.unknown = true;
            state.directiveUnknown = true;
            break;
          }
          if (value === null) throw evalError('Invalid template for directive', 'The for directive cannot iterate over a null value.', part.collection.range);
          const entries = iterate(value);
          if (!entries) throw evalError('Invalid template for directive', `The for directive cannot iterate over a value of type ${describeType(value)}.`, part.collection.range);
          for (const [k, v] of entries) {
            const inner = new Map(scope);
            if (part.keyVar) inner.set(part.keyVar, k);
            inner.set(part.valueVar, v);
            this.templateParts(part.body, inner, state);
            if (state.text.length > this.limits.maxLength)
              throw evalError('Template result too long', `The template produces more than ${this.limits.maxLength} characters.`, part.range);
          }
          break;
        }
      }
    }
  }

  private binary(expr: BinaryExpr, scope: Bindings): TfValue {
    const { op } = expr;
    const lraw = this.eval(expr.left, scope);
    if (op === '&&' || op === '||') {
      // Both operands are evaluated (HCL reports errors on either side) and either being unknown
      // makes the result unknown: Terraform 1.11 does not short-circuit (`false && unknown` is unknown).
      const l = unmarkDeep(lraw);
      const r = unmarkDeep(this.eval(expr.right, scope));
      const lb = this.operand(l.value, T_BOOL, 'left', expr.left.range, expr.range);
      const rb = this.operand(r.value, T_BOOL, 'right', expr.right.range, expr.range);
      let result: TfValue;
      if (lb instanceof Unknown || rb instanceof Unknown) result = unknownOf(T_BOOL);
      else result = op === '&&' ? (lb as boolean) && (rb as boolean) : (lb as boolean) || (rb as boolean);
      return l.sensitive || r.sensitive ? markSensitive(result) : result;
    }
    const rraw = this.eval(expr.right, scope);
    const l = unmarkDeep(lraw);
    const r = unmarkDeep(rraw);
    const sensitive = l.sensitive || r.sensitive;
    let result: TfValue;
    if (op === '==' || op === '!=') {
      const eq = valuesEqual(l.value, r.value);
      result = eq instanceof Unknown ? eq : op === '==' ? eq : !eq;
    } else {
      const a = this.operand(l.value, T_NUMBER, 'left', expr.left.range, expr.range);
      const b = this.operand(r.value, T_NUMBER, 'right', expr.right.range, expr.range);
      const resultType = op === '<' || op === '>' || op === '<=' || op === '>=' ? T_BOOL : T_NUMBER;
      if (a instanceof Unknown || b instanceof Unknown) result = unknownOf(resultType);
      else result = arithmetic(op, a as number, b as number, expr.range);
    }
    return sensitive ? markSensitive(result) : result;
  }

  private operand(value: TfValue, want: TfType, side: 'left' | 'right', range: SourceRange, whole: SourceRange): TfValue {
    if (value instanceof Unknown) return value;
    if (value === null) throw evalError('Operation failed', 'Error during operation: argument must not be null.', whole);
    const c = convert(value, want);
    if (!c.ok) throw evalError('Invalid operand', `Unsuitable value for ${side} operand: ${c.error}.`, range);
    return c.value;
  }

  private unaryOp(op: '!' | '-', value: TfValue, want: TfType, range: SourceRange): TfValue {
    if (value instanceof Unknown) return unknownOf(want);
    if (value === null) throw evalError('Invalid operand', 'Unsuitable value for unary operand: argument must not be null.', range);
    const c = convert(value, want);
    if (!c.ok) throw evalError('Invalid operand', `Unsuitable value for unary operand: ${c.error}.`, range);
    return op === '!' ? !(c.value as boolean) : -(c.value as number);
  }

  private conditional(expr: ConditionalExpr, scope: Bindings): TfValue {
    const trueDiags: Diagnostic[] = [];
    const falseDiags: Diagnostic[] = [];
    const t = this.branch(expr.trueResult, scope, trueDiags);
    const f = this.branch(expr.falseResult, scope, falseDiags);
    let resultType: TfType | undefined;
    if (t === null) resultType = typeOf(f);
    else if (f === null) resultType = typeOf(t);
    else resultType = unifyTypes([typeOf(t), typeOf(f)]);
    const { value: cond, sensitive } = unmarkDeep(this.eval(expr.condition, scope));
    if (cond === null)
      throw evalError('Null condition', 'The condition value is null. Conditions must either be true or false.', expr.condition.range);
    if (!resultType) {
      throw evalError(
        'Inconsistent conditional result types',
        `The true and false result expressions must have consistent types. The 'true' value is ${describeType(t)}, but the 'false' value is ${describeType(f)}.`,
        expr.range,
      );
    }
    if (cond instanceof Unknown) {
      this.diagnostics.push(...trueDiags.filter(isWarning), ...falseDiags.filter(isWarning));
      return unknownOf(resultType);
    }
    const b = convert(cond, T_BOOL);
    if (!b.ok) throw evalError('Incorrect condition type', 'The condition expression must be of type bool.', expr.condition.range);
    const chosenDiags = b.value ? trueDiags : falseDiags;
    if (chosenDiags.some((d) => d.severity === 'error')) throw new EvalAbort(chosenDiags.find((d) => d.severity === 'error')!);
    this.diagnostics.push(...chosenDiags);
    const chosen = b.value ? t : f;
    const converted = resultType.kind === 'dynamic' || chosen === null ? { ok: true as const, value: chosen } : convert(chosen, resultType);
    if (!converted.ok)
      throw evalError('Inconsistent conditional result types', `The true and false result expressions must have consistent types: ${converted.error}.`, expr.range);
    return sensitive ? markSensitive(converted.value) : converted.value;
  }

  /** Evaluates a sub-expression whose errors only matter if it is chosen. */
  private branch(expr: Expression, scope: Bindings, diags: Diagnostic[]): TfValue {
    const saved = this.diagnostics.length;
    try {
      const v = this.eval(expr, scope);
      diags.push(...this.diagnostics.splice(saved));
      return v;
    } catch (error) {
      if (!(error instanceof EvalAbort)) throw error;
      diags.push(...this.diagnostics.splice(saved), error.diagnostic);
      return UNKNOWN;
    }
  }

  /** Evaluates with errors captured (for `try`/`can`): the value, or the diagnostics that stopped it. */
  attempt(expr: Expression, scope: Bindings): { ok: true; value: TfValue } | { ok: false; diagnostics: Diagnostic[] } {
    const saved = this.diagnostics.length;
    try {
      const value = this.eval(expr, scope);
      return { ok: true, value };
    } catch (error) {
      if (!(error instanceof EvalAbort) || error.diagnostic.source === 'reference') throw error;
      const diagnostics = [...this.diagnostics.splice(saved).filter((d) => d.severity === 'error'), error.diagnostic];
      return { ok: false, diagnostics };
    }
  }

  private forExpr(expr: ForExpr, scope: Bindings): TfValue {
    const { value: collection, sensitive } = unmarkDeep(this.eval(expr.collection, scope));
    if (collection === null)
      throw evalError('Iteration over null value', "A null value cannot be used as the collection in a 'for' expression.", expr.collection.range);
    if (collection instanceof Unknown) return UNKNOWN;
    const entries = iterate(collection);
    if (!entries)
      throw evalError('Iteration over non-iterable value', `A value of type ${describeType(collection)} cannot be used as the collection in a 'for' expression.`, expr.collection.range);
    const isObjectFor = expr.keyExpr !== undefined;
    const items: TfValue[] = [];
    const groups = new Map<string, TfValue[]>();
    const obj: TfObject = {};
    let unknown = false;
    let marked = sensitive;
    for (const [k, v] of entries) {
      const inner = new Map(scope);
      if (expr.keyVar) inner.set(expr.keyVar, k);
      inner.set(expr.valueVar, v);
      if (expr.condition) {
        const c = unmarkDeep(this.eval(expr.condition, inner));
        if (c.sensitive) marked = true;
        if (c.value === null) throw evalError('Invalid \'for\' condition', "The value of the 'if' clause must not be null.", expr.condition.range);
        if (c.value instanceof Unknown) {
          unknown = true;
          continue;
        }
        const b = convert(c.value, T_BOOL);
        if (!b.ok) throw evalError("Invalid 'for' condition", `The 'if' clause value is invalid: ${b.error}.`, expr.condition.range);
        if (b.value === false) continue;
      }
      if (!isObjectFor) {
        items.push(this.eval(expr.valueExpr, inner));
        continue;
      }
      const rawKey = this.eval(expr.keyExpr!, inner);
      const key = unmarkDeep(rawKey);
      if (key.sensitive) marked = true;
      if (key.value === null) throw evalError('Invalid object key', "Key expression in 'for' expression must not produce a null value.", expr.keyExpr!.range);
      const value = this.eval(expr.valueExpr, inner);
      if (key.value instanceof Unknown) {
        unknown = true;
        continue;
      }
      const ks = convert(key.value, T_STRING);
      if (!ks.ok) throw evalError('Invalid object key', `The key expression produced an invalid result: ${ks.error}.`, expr.keyExpr!.range);
      const keyText = ks.value as string;
      if (expr.grouping) {
        const g = groups.get(keyText);
        if (g) g.push(value);
        else groups.set(keyText, [value]);
      } else {
        if (keyText in obj)
          throw evalError(
            'Duplicate object key',
            `Two different items produced the key ${JSON.stringify(keyText)} in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.`,
            expr.keyExpr!.range,
          );
        obj[keyText] = value;
      }
    }
    if (unknown) return UNKNOWN;
    let result: TfValue;
    if (!isObjectFor) result = items;
    else if (expr.grouping) {
      const out: TfObject = {};
      for (const [k, g] of groups) out[k] = g;
      result = out;
    } else result = obj;
    return marked ? markSensitive(result) : result;
  }

  private splat(expr: SplatExpr, scope: Bindings): TfValue {
    const raw = this.eval(expr.source, scope);
    const { value: source, sensitive } = raw instanceof Sensitive ? { value: raw.value, sensitive: true } : { value: raw, sensitive: false };
    if (source === null) return sensitive ? markSensitive([]) : [];
    if (source instanceof Unknown) return UNKNOWN;
    // A legacy attribute-only splat (`a.*.b`) covers only its attribute steps; an index after them
    // applies to the splat's result (`a.*.b[0]` is the first element's b).
    const cut = expr.full ? expr.each.length : expr.each.findIndex((s) => s.kind !== 'attr');
    const perElement = cut < 0 ? expr.each : expr.each.slice(0, cut);
    const after = cut < 0 ? [] : expr.each.slice(cut);
    const apply = (v: TfValue): TfValue => {
      let x = v;
      for (const step of perElement) x = this.step(x, step, scope);
      return x;
    };
    let result: TfValue;
    if (Array.isArray(source)) {
      const mapped = source.map(apply);
      const info = collectionInfo(source);
      result = info ? makeList(mapped, T_DYNAMIC) : mapped;
    } else {
      // A splat on a single value treats it as a one-element tuple.
      result = [apply(source)];
    }
    for (const step of after) result = this.step(result, step, scope);
    return sensitive ? markSensitive(result) : result;
  }

  private call(expr: FunctionCallExpr, scope: Bindings): TfValue {
    return callFunction(this, expr, scope);
  }
}

function isWarning(d: Diagnostic): boolean {
  return d.severity === 'warning';
}

/** The (key, value) pairs a for-expression visits: index/element for sequences, sorted key/value for maps. */
export function iterate(value: TfValue): Array<[TfValue, TfValue]> | undefined {
  if (Array.isArray(value)) {
    const set = collectionInfo(value)?.kind === 'set';
    return value.map((v, i) => [set ? v : i, v]);
  }
  if (isObject(value)) return sortedKeys(value).map((k) => [k, value[k]!]);
  return undefined;
}

function arithmetic(op: BinaryExpr['op'], a: number, b: number, range: SourceRange): TfValue {
  switch (op) {
    case '+':
      return decimalArithmetic(a, b, '+');
    case '-':
      return decimalArithmetic(a, b, '-');
    case '*':
      return decimalArithmetic(a, b, '*');
    case '/':
      if ((b === 0 && a === 0) || (!Number.isFinite(a) && !Number.isFinite(b)))
        throw evalError('Operation failed', "Error during operation: can't divide zero by zero or infinity by infinity.", range);
      return a / b;
    case '%':
      // cty's modulo by zero yields the dividend.
      return b === 0 ? a : a % b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
    default:
      throw evalError('Invalid operator', `Unsupported operator ${op}.`, range);
  }
}

function toDiagnostic(error: unknown, range: SourceRange): Diagnostic {
  if (error instanceof EvalAbort) return error.diagnostic;
  if (error instanceof RangeError)
    return { severity: 'error', summary: 'Expression nested too deeply', detail: 'Evaluating this expression exhausted the stack.', range, source: 'eval' };
  return {
    severity: 'error',
    summary: 'Evaluation failed',
    detail: `iacpac could not evaluate this expression: ${error instanceof Error ? error.message : String(error)}. Please report this.`,
    range,
    source: 'eval',
  };
}

export { friendlyTypeName };
