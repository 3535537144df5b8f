import type { Expression } from '../hcl/ast.ts';
import type { CtyType } from '../schema/provider-schema.ts';
import { literalString } from '../terraform/load-model.ts';

/** A variable's `type` constraint as a cty type, or an error naming the bad keyword; undefined when not understood. */
export type TypeConstraint = { type: CtyType } | { invalidKeyword: string; range: Expression['range']; detail?: string; summary?: string } | undefined;

/** Terraform 0.11's quoted type names, refused with a hint at the type expression that replaces them. */
const QUOTED_TYPES: Record<string, string> = {
  string: 'Remove the quotes around "string".',
  list: 'Remove the quotes around "list" and write list(string) instead to explicitly indicate that the list elements are strings.',
  map: 'Remove the quotes around "map" and write map(string) instead to explicitly indicate that the map elements are strings.',
};

/** HCL's message for a type constructor written without its argument (`list(list)`). */
const CONSTRUCTOR_WITHOUT_ARGUMENT: Record<string, string> = {
  list: 'The list type constructor requires one argument specifying the element type.',
  set: 'The set type constructor requires one argument specifying the element type.',
  map: 'The map type constructor requires one argument specifying the element type.',
  object: 'The object type constructor requires one argument specifying the attribute types as a map.',
  tuple: 'The tuple type constructor requires one argument specifying the element types as a list.',
};

const PRIMITIVES: Record<string, CtyType> = { string: 'string', number: 'number', bool: 'bool', any: 'dynamic' };

/** Terraform's type constraint syntax: `string`, `list(number)`, `map(object({a = string}))`, `optional(T)`, ... */
export function parseTypeConstraint(expr: Expression, depth = 0): TypeConstraint {
  if (depth > 64) return undefined;
  // A quoted string without interpolations (not a number or bool literal).
  const quoted = depth === 0 && !(expr.kind === 'literal' && typeof expr.value !== 'string') ? literalString(expr) : undefined;
  if (quoted !== undefined) {
    const hint = QUOTED_TYPES[quoted];
    return hint
      ? {
          invalidKeyword: quoted,
          range: expr.range,
          summary: 'Invalid quoted type constraints',
          detail: `Terraform 0.11 and earlier required type constraints to be given in quotes, but that form is now deprecated and will be removed in a future version of Terraform. ${hint}`,
        }
      : {
          invalidKeyword: quoted,
          range: expr.range,
          summary: 'Invalid legacy variable type hint',
          detail: 'To provide a full type expression, remove the surrounding quotes and give the type expression directly.',
        };
  }
  if (expr.kind === 'traversal' && expr.steps.length === 0) {
    // A variable's type may be the bare `list` or `map` of Terraform 0.11: a list / map of any one element type.
    if (depth === 0 && (expr.root === 'list' || expr.root === 'map')) return { type: [expr.root, 'dynamic'] };
    const type = PRIMITIVES[expr.root];
    if (type) return { type };
    const constructor = CONSTRUCTOR_WITHOUT_ARGUMENT[expr.root];
    return { invalidKeyword: expr.root, range: expr.range, ...(constructor ? { detail: constructor } : {}) };
  }
  if (expr.kind !== 'call') return undefined;
  const [arg] = expr.args;
  if (!arg || expr.args.length !== 1) return undefined;
  switch (expr.name) {
    case 'list':
    case 'set':
    case 'map': {
      const inner = parseTypeConstraint(arg, depth + 1);
      return inner && 'type' in inner ? { type: [expr.name, inner.type] } : inner;
    }
    case 'object': {
      if (arg.kind !== 'object') return undefined;
      const attributes: Record<string, CtyType> = {};
      const optional: string[] = [];
      for (const item of arg.items) {
        const key = item.key.kind === 'literal' && typeof item.key.value === 'string' ? item.key.value : item.key.kind === 'traversal' ? item.key.root : undefined;
        if (key === undefined) return undefined;
        let valueExpr = item.value;
        if (valueExpr.kind === 'call' && valueExpr.name === 'optional' && valueExpr.args[0]) {
          optional.push(key);
          valueExpr = valueExpr.args[0];
        }
        const inner = parseTypeConstraint(valueExpr, depth + 1);
        if (!inner || !('type' in inner)) return inner;
        attributes[key] = inner.type;
      }
      return { type: ['object', attributes, optional] };
    }
    case 'tuple': {
      if (arg.kind !== 'tuple') return undefined;
      const items: CtyType[] = [];
      for (const item of arg.items) {
        const inner = parseTypeConstraint(item, depth + 1);
        if (!inner || !('type' in inner)) return inner;
        items.push(inner.type);
      }
      return { type: ['tuple', items] };
    }
    default:
      return undefined;
  }
}
