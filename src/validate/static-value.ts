import type { Expression } from '../hcl/ast.ts';

/**
 * What can be known about an expression's value without evaluating references: its type and, for
 * literals, its value. `unknown` means the type depends on something we do not evaluate.
 */
export type StaticValue =
  | { kind: 'string'; value?: string }
  | { kind: 'number'; value?: string }
  | { kind: 'bool'; value?: boolean }
  | { kind: 'null' }
  | { kind: 'tuple'; items: StaticValue[] }
  | { kind: 'object'; entries: Array<{ key: string; value: StaticValue }> }
  | { kind: 'unknown' };

const UNKNOWN: StaticValue = { kind: 'unknown' };

export function staticValue(expr: Expression, depth = 0): StaticValue {
  if (depth > 200) return UNKNOWN;
  switch (expr.kind) {
    case 'literal':
      if (expr.value === null) return { kind: 'null' };
      if (typeof expr.value === 'string') return { kind: 'string', value: expr.value };
      if (typeof expr.value === 'number') return { kind: 'number', value: expr.numberText ?? String(expr.value) };
      return { kind: 'bool', value: expr.value };
    case 'template': {
      if (expr.parts.every((part) => part.kind === 'text')) {
        return { kind: 'string', value: expr.parts.map((part) => (part.kind === 'text' ? part.value : '')).join('') };
      }
      // A template with only one interpolation and no text yields the interpolated value unchanged.
      const [only] = expr.parts;
      if (expr.parts.length === 1 && only?.kind === 'interpolation') return { kind: 'unknown' };
      return { kind: 'string' };
    }
    case 'tuple':
      return { kind: 'tuple', items: expr.items.map((item) => staticValue(item, depth + 1)) };
    case 'object': {
      const entries: Array<{ key: string; value: StaticValue }> = [];
      for (const item of expr.items) {
        const key = staticValue(item.key, depth + 1);
        if (key.kind !== 'string' || key.value === undefined) {
          if (item.key.kind === 'traversal' && item.key.steps.length === 0) {
            entries.push({ key: item.key.root, value: staticValue(item.value, depth + 1) });
            continue;
          }
          return UNKNOWN;
        }
        entries.push({ key: key.value, value: staticValue(item.value, depth + 1) });
      }
      return { kind: 'object', entries };
    }
    case 'parens':
      return staticValue(expr.expr, depth + 1);
    case 'unary':
      return expr.op === '!' ? { kind: 'bool' } : { kind: 'number' };
    case 'binary':
      switch (expr.op) {
        case '+':
        case '-':
        case '*':
        case '/':
        case '%':
          return { kind: 'number' };
        default:
          return { kind: 'bool' };
      }
    default:
      return UNKNOWN;
  }
}
