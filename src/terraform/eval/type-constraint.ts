import type { Diagnostic } from '../../core/diagnostics.ts';
import type { Expression } from '../../hcl/ast.ts';
import { type ConvertResult, convert } from './convert.ts';
import { evaluate } from './evaluate.ts';
import { T_BOOL, T_DYNAMIC, T_NUMBER, T_STRING, type TfType } from './types.ts';
import { isObject, Sensitive, type TfObject, type TfValue, Unknown } from './value.ts';

/** Default values of `optional(type, default)` attributes, nested like the type they belong to. */
export interface TypeDefaults {
  /** Default per optional attribute of this object type. */
  attributes: Record<string, TfValue>;
  /** Defaults further down: by attribute name, or `*` for the elements of a list/set/map/tuple. */
  children: Record<string, TypeDefaults>;
}

export interface TypeConstraint {
  type: TfType;
  defaults?: TypeDefaults;
}

function fail(summary: string, detail: string, expr: Expression): { diagnostic: Diagnostic } {
  return { diagnostic: { severity: 'error', summary, detail, range: expr.range, source: 'eval' } };
}

const KEYWORDS: Record<string, TfType> = { string: T_STRING, number: T_NUMBER, bool: T_BOOL, any: T_DYNAMIC };

/**
 * Reads a variable's `type = ...` expression (Terraform's type constraint syntax): `string`, `number`,
 * `bool`, `any`, `list(T)`, `set(T)`, `map(T)`, `tuple([T, ...])`, `object({ a = T, b = optional(T, default) })`.
 */
export function typeConstraintFromExpr(expr: Expression): TypeConstraint | { diagnostic: Diagnostic } {
  // Terraform 0.11's bare `list` and `map` stay accepted at the top level: a list / map of any one element type.
  if (expr.kind === 'traversal' && expr.steps.length === 0 && (expr.root === 'list' || expr.root === 'map')) {
    return { type: { kind: expr.root, element: T_DYNAMIC } };
  }
  return read(expr, 0);
}

function read(expr: Expression, depth: number): TypeConstraint | { diagnostic: Diagnostic } {
  if (depth > 64) return fail('Invalid type specification', 'The type is nested too deeply.', expr);
  if (expr.kind === 'parens') return read(expr.expr, depth + 1);
  if (expr.kind === 'traversal' && expr.steps.length === 0) {
    const t = KEYWORDS[expr.root];
    if (t) return { type: t };
    if (expr.root === 'list' || expr.root === 'set' || expr.root === 'map')
      return fail('Invalid type specification', `The ${expr.root} type constructor requires one argument specifying the element type.`, expr);
    return fail('Invalid type specification', `The keyword "${expr.root}" is not a valid type specification.`, expr);
  }
  if ((expr.kind === 'literal' && typeof expr.value === 'string') || expr.kind === 'template')
    return fail('Invalid quoted type constraints', 'Terraform 0.11 and earlier required type constraints to be given in quotes, but that form is now deprecated and will be removed in a future version of Terraform. Remove the quotes around this type constraint.', expr);
  if (expr.kind !== 'call') return fail('Invalid type specification', 'A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).', expr);
  const name = expr.name;
  const arg = expr.args[0];
  if (expr.args.length !== 1 || !arg) {
    if (name === 'optional') return fail('Invalid type specification', 'Keyword "optional" is valid only as a modifier for object type attributes.', expr);
    return fail('Invalid type specification', `The ${name} type constructor requires one argument specifying the element type.`, expr);
  }
  switch (name) {
    case 'list':
    case 'set':
    case 'map': {
      const inner = read(arg, depth + 1);
      if ('diagnostic' in inner) return inner;
      const out: TypeConstraint = { type: { kind: name, element: inner.type } };
      if (inner.defaults) out.defaults = { attributes: {}, children: { '*': inner.defaults } };
      return out;
    }
    case 'tuple': {
      if (arg.kind !== 'tuple') return fail('Invalid type specification', 'The tuple type constructor requires a list of element types.', arg);
      const elements: TfType[] = [];
      const children: Record<string, TypeDefaults> = {};
      for (let i = 0; i < arg.items.length; i++) {
        const inner = read(arg.items[i]!, depth + 1);
        if ('diagnostic' in inner) return inner;
        elements.push(inner.type);
        if (inner.defaults) children[String(i)] = inner.defaults;
      }
      const out: TypeConstraint = { type: { kind: 'tuple', elements } };
      if (Object.keys(children).length > 0) out.defaults = { attributes: {}, children };
      return out;
    }
    case 'object': {
      if (arg.kind !== 'object') return fail('Invalid type specification', 'The object type constructor requires one argument specifying the attribute types as a map.', arg);
      const attributes: Record<string, TfType> = {};
      const optional = new Set<string>();
      const defaults: TypeDefaults = { attributes: {}, children: {} };
      for (const item of arg.items) {
        const keyValue = item.key.kind === 'literal' ? item.key.value : item.key.kind === 'traversal' && item.key.steps.length === 0 ? item.key.root : undefined;
        if (typeof keyValue !== 'string') return fail('Invalid type specification', 'Object constructor map keys must be attribute names.', item.key);
        let valueExpr = item.value;
        if (valueExpr.kind === 'call' && valueExpr.name === 'optional') {
          if (valueExpr.args.length < 1 || valueExpr.args.length > 2)
            return fail('Invalid type specification', 'Optional attribute modifier requires the attribute type as its first argument, and an optional default value as its second.', valueExpr);
          optional.add(keyValue);
          const def = valueExpr.args[1];
          valueExpr = valueExpr.args[0]!;
          if (def) {
            const d = evaluate(def, {});
            if (d.diagnostics.some((x) => x.severity === 'error')) return { diagnostic: d.diagnostics[0]! };
            defaults.attributes[keyValue] = d.value;
          }
        }
        const inner = read(valueExpr, depth + 1);
        if ('diagnostic' in inner) return inner;
        attributes[keyValue] = inner.type;
        if (inner.defaults) defaults.children[keyValue] = inner.defaults;
      }
      const out: TypeConstraint = { type: optional.size > 0 ? { kind: 'object', attributes, optional } : { kind: 'object', attributes } };
      for (const [k, v] of Object.entries(defaults.attributes)) {
        const c = convert(v, attributes[k]!);
        if (!c.ok) return fail('Invalid default value for optional attribute', `The default value for optional attribute "${k}" is not compatible with the attribute's type: ${c.error}.`, arg);
        defaults.attributes[k] = c.value;
      }
      if (Object.keys(defaults.attributes).length > 0 || Object.keys(defaults.children).length > 0) out.defaults = defaults;
      return out;
    }
    case 'optional':
      return fail('Invalid type specification', 'Keyword "optional" is valid only as a modifier for object type attributes.', expr);
    default:
      return fail('Invalid type specification', `Keyword "${name}" is not a valid type constructor.`, expr);
  }
}

/** Fills `optional(..., default)` attributes that are null or absent, recursively (Terraform's Defaults.Apply). */
export function applyDefaults(value: TfValue, defaults: TypeDefaults | undefined): TfValue {
  if (!defaults || value === null || value instanceof Unknown) return value;
  if (value instanceof Sensitive) return new Sensitive(applyDefaults(value.value, defaults));
  if (Array.isArray(value)) {
    return value.map((v, i) => applyDefaults(v, defaults.children[String(i)] ?? defaults.children['*']));
  }
  if (isObject(value)) {
    const out: TfObject = { ...value };
    for (const [k, d] of Object.entries(defaults.attributes)) if (out[k] === undefined || out[k] === null) out[k] = d;
    for (const k of Object.keys(out)) {
      const child = defaults.children[k] ?? defaults.children['*'];
      if (child) out[k] = applyDefaults(out[k]!, child);
    }
    return out;
  }
  return value;
}

/** A variable value under its type constraint: defaults applied, then converted (cty's rules). */
export function applyTypeConstraint(value: TfValue, constraint: TypeConstraint): ConvertResult {
  return convert(applyDefaults(value, constraint.defaults), constraint.type);
}
