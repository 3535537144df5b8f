import type { Expression } from '../hcl/ast.ts';
import { isObject, Sensitive, Unknown, type TfObject, type TfValue } from '../terraform/eval/value.ts';
import type { TypeConstraint } from './variable-type.ts';

/**
 * Fills `optional(type, default)` attributes that a variable value leaves out (or sets to null) with
 * their defaults, inside objects, lists, sets, maps and tuples, before type conversion (Terraform's
 * `typeexpr.Defaults.Apply`). Optional attributes without a default become null.
 */
export function applyTypeDefaults(value: TfValue, constraint: TypeConstraint, evaluate: (expr: Expression) => TfValue, depth = 0): TfValue {
  if (depth > 64 || value === null || value instanceof Unknown) return value;
  if (value instanceof Sensitive) return new Sensitive(applyTypeDefaults(value.value, constraint, evaluate, depth + 1));
  const type = constraint.type;
  if (type.kind === 'object' && isObject(value)) {
    const out: TfObject = { ...value };
    for (const name of Object.keys(type.attributes)) {
      const nested = constraint.attributes?.[name];
      if (out[name] === undefined || out[name] === null) {
        const fallback = constraint.defaults?.[name];
        if (fallback) out[name] = evaluate(fallback);
        else if (type.optional?.has(name)) out[name] = null;
      }
      if (nested && out[name] !== undefined) out[name] = applyTypeDefaults(out[name]!, nested, evaluate, depth + 1);
    }
    return out;
  }
  if ((type.kind === 'list' || type.kind === 'set') && Array.isArray(value) && constraint.element) {
    return value.map((item) => applyTypeDefaults(item, constraint.element!, evaluate, depth + 1));
  }
  if (type.kind === 'map' && isObject(value) && constraint.element) {
    const out: TfObject = {};
    for (const [k, v] of Object.entries(value)) out[k] = applyTypeDefaults(v, constraint.element, evaluate, depth + 1);
    return out;
  }
  return value;
}
