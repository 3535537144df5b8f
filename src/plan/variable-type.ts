import type { Expression } from '../hcl/ast.ts';
import { T_BOOL, T_DYNAMIC, T_NUMBER, T_STRING, type TfType } from '../terraform/eval/types.ts';

/** A variable's type constraint with `optional(type, default)` defaults of object attributes. */
export interface TypeConstraint {
  type: TfType;
  /** For objects: attribute -> default value expression from `optional(T, default)`. */
  defaults?: Record<string, Expression>;
  /** Nested constraints (for defaults inside collections/objects). */
  element?: TypeConstraint;
  attributes?: Record<string, TypeConstraint>;
}

/**
 * Reads a type constraint expression (`string`, `list(object({a = optional(number, 1)}))`, `any`...).
 * Returns undefined for an invalid constraint.
 */
export function parseTypeConstraint(expr: Expression, depth = 0): TypeConstraint | undefined {
  if (depth > 64) return undefined;
  if (expr.kind === 'parens') return parseTypeConstraint(expr.expr, depth + 1);
  if (expr.kind === 'traversal' && expr.steps.length === 0) {
    switch (expr.root) {
      case 'string':
        return { type: T_STRING };
      case 'number':
        return { type: T_NUMBER };
      case 'bool':
        return { type: T_BOOL };
      case 'any':
        return { type: T_DYNAMIC };
      case 'list':
      case 'set':
      case 'map':
        return { type: { kind: expr.root, element: T_DYNAMIC }, element: { type: T_DYNAMIC } };
      default:
        return undefined;
    }
  }
  if (expr.kind !== 'call') return undefined;
  const arg = expr.args[0];
  switch (expr.name) {
    case 'list':
    case 'set':
    case 'map': {
      const element = arg ? parseTypeConstraint(arg, depth + 1) : undefined;
      if (!element) return undefined;
      return { type: { kind: expr.name, element: element.type }, element };
    }
    case 'tuple': {
      if (!arg || arg.kind !== 'tuple') return undefined;
      const elements = arg.items.map((item) => parseTypeConstraint(item, depth + 1));
      if (elements.some((e) => !e)) return undefined;
      return { type: { kind: 'tuple', elements: elements.map((e) => e!.type) } };
    }
    case 'object': {
      if (!arg || arg.kind !== 'object') return undefined;
      const attributes: Record<string, TfType> = {};
      const nested: Record<string, TypeConstraint> = {};
      const defaults: Record<string, Expression> = {};
      const optional = new Set<string>();
      for (const item of arg.items) {
        const key = keyName(item.key);
        if (key === undefined) return undefined;
        let valueExpr = item.value;
        if (valueExpr.kind === 'call' && valueExpr.name === 'optional') {
          optional.add(key);
          if (valueExpr.args[1]) defaults[key] = valueExpr.args[1];
          valueExpr = valueExpr.args[0] ?? valueExpr;
        }
        const inner = parseTypeConstraint(valueExpr, depth + 1);
        if (!inner) return undefined;
        attributes[key] = inner.type;
        nested[key] = inner;
      }
      const type: TfType = optional.size > 0 ? { kind: 'object', attributes, optional } : { kind: 'object', attributes };
      const out: TypeConstraint = { type, attributes: nested };
      if (Object.keys(defaults).length > 0) out.defaults = defaults;
      return out;
    }
    default:
      return undefined;
  }
}

function keyName(expr: Expression): string | undefined {
  if (expr.kind === 'traversal' && expr.steps.length === 0) return expr.root;
  if (expr.kind === 'literal' && typeof expr.value === 'string') return expr.value;
  if (expr.kind === 'template' && expr.parts.every((p) => p.kind === 'text')) {
    return expr.parts.map((p) => (p.kind === 'text' ? p.value : '')).join('');
  }
  return undefined;
}
