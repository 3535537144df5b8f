import type { Expression, TemplatePart } from '../hcl/ast.ts';
import type { JsonValue } from './plan-json.ts';

/**
 * The value of an expression evaluated without any context (HCL's `expr.Value(nil)`), as Terraform
 * computes `constant_value` for the plan's `configuration` section: literals, templates of literals,
 * tuples/objects of constants, operators on constants. Anything needing variables or functions is not
 * a constant (undefined).
 */
export function constantValue(expr: Expression, depth = 0): { value: JsonValue } | undefined {
  if (depth > 200) return undefined;
  const sub = (e: Expression) => constantValue(e, depth + 1);
  switch (expr.kind) {
    case 'literal':
      return { value: expr.value };
    case 'parens':
      return sub(expr.expr);
    case 'template': {
      const text = templateText(expr.parts, depth);
      return text === undefined ? undefined : { value: text };
    }
    case 'tuple': {
      const items: JsonValue[] = [];
      for (const item of expr.items) {
        const v = sub(item);
        if (!v) return undefined;
        items.push(v.value);
      }
      return { value: items };
    }
    case 'object': {
      const out: Record<string, JsonValue> = {};
      for (const item of expr.items) {
        const key = item.bareKey && item.key.kind === 'traversal' && item.key.steps.length === 0 ? { value: item.key.root } : sub(item.key);
        if (!key || key.value === null || typeof key.value === 'object') return undefined;
        const value = sub(item.value);
        if (!value) return undefined;
        out[String(key.value)] = value.value;
      }
      return { value: out };
    }
    case 'unary': {
      const v = sub(expr.operand);
      if (!v) return undefined;
      if (expr.op === '-' && typeof v.value === 'number') return { value: -v.value };
      if (expr.op === '!' && typeof v.value === 'boolean') return { value: !v.value };
      return undefined;
    }
    case 'binary':
      return binary(expr.op, sub(expr.left), sub(expr.right));
    case 'conditional': {
      const c = sub(expr.condition);
      if (!c || typeof c.value !== 'boolean') return undefined;
      return sub(c.value ? expr.trueResult : expr.falseResult);
    }
    default:
      return undefined;
  }
}

function binary(op: string, l: { value: JsonValue } | undefined, r: { value: JsonValue } | undefined): { value: JsonValue } | undefined {
  if (!l || !r) return undefined;
  const a = l.value;
  const b = r.value;
  if (op === '==' || op === '!=') {
    const eq = JSON.stringify(a) === JSON.stringify(b);
    return { value: op === '==' ? eq : !eq };
  }
  if (op === '&&' || op === '||') {
    if (typeof a !== 'boolean' || typeof b !== 'boolean') return undefined;
    return { value: op === '&&' ? a && b : a || b };
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (x === undefined || y === undefined) return undefined;
  switch (op) {
    case '+':
      return { value: x + y };
    case '-':
      return { value: x - y };
    case '*':
      return { value: x * y };
    case '/':
      return y === 0 ? undefined : { value: x / y };
    case '%':
      return y === 0 ? undefined : { value: x % y };
    case '<':
      return { value: x < y };
    case '>':
      return { value: x > y };
    case '<=':
      return { value: x <= y };
    case '>=':
      return { value: x >= y };
    default:
      return undefined;
  }
}

function toNumber(v: JsonValue): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function templateText(parts: TemplatePart[], depth: number): string | undefined {
  let out = '';
  for (const part of parts) {
    if (part.kind === 'text') out += part.value;
    else if (part.kind === 'interpolation') {
      const v = constantValue(part.expr, depth + 1);
      if (!v || v.value === null || typeof v.value === 'object') return undefined;
      out += String(v.value);
    } else return undefined;
  }
  return out;
}
