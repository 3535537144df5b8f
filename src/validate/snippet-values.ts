import { goQuote } from '../core/go-quote.ts';
import type { Expression, ScopeTraversalExpr } from '../hcl/ast.ts';
import { friendlyTypeName } from '../terraform/eval/types.ts';
import { isObject, isSensitive, isUnknown, typeOf, type TfValue } from '../terraform/eval/value.ts';
import { walkExpression } from './walk-expression.ts';

/**
 * The values Terraform lists under the snippet of an expression's diagnostic ("local.names is tuple with 2
 * elements"): each distinct traversal in the expression whose value is known or of a known type, sorted.
 */
export function snippetValues(expr: Expression, evaluate: (traversal: ScopeTraversalExpr) => TfValue): Array<{ traversal: string; statement: string }> {
  const out = new Map<string, string>();
  walkExpression(expr, {
    traversal: (t) => {
      const name = traversalString(t);
      if (name === undefined || out.has(name)) return;
      const statement = valueStatement(evaluate(t));
      if (statement !== undefined) out.set(name, statement);
    },
  });
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([traversal, statement]) => ({ traversal, statement }));
}

function traversalString(t: ScopeTraversalExpr): string | undefined {
  let out = t.root;
  for (const step of t.steps) {
    if (step.kind === 'attr') out += `.${step.name}`;
    else if (step.key.kind === 'literal' && (typeof step.key.value === 'number' || typeof step.key.value === 'string')) {
      out += `[${typeof step.key.value === 'number' ? step.key.value : goQuote(step.key.value)}]`;
    } else return undefined;
  }
  return out;
}

function valueStatement(value: TfValue): string | undefined {
  if (isSensitive(value)) return 'has a sensitive value';
  if (isUnknown(value)) return value.type.kind === 'dynamic' ? undefined : `is a ${friendlyTypeName(value.type)}`;
  return `is ${compactValue(value)}`;
}

/** Terraform's short rendering of a known value in diagnostics. */
function compactValue(value: TfValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return goFloatG10(value);
  if (typeof value === 'string') return goQuote(value);
  const type = friendlyTypeName(typeOf(value));
  if (Array.isArray(value) || !isObject(value) || type.startsWith('map')) {
    const length = Array.isArray(value) ? value.length : Object.keys(value as object).length;
    return length === 0 ? `empty ${type}` : `${type} with ${length} element${length === 1 ? '' : 's'}`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return 'object with no attributes';
  return keys.length === 1 ? `object with 1 attribute ${goQuote(keys[0] as string)}` : `object with ${keys.length} attributes`;
}

/** Go's big.Float `Text('g', 10)`. */
function goFloatG10(n: number): string {
  if (n === 0) return '0';
  const exponent = Math.floor(Math.log10(Math.abs(n)));
  if (exponent < -4 || exponent >= 10) {
    const [mantissa, e] = n.toExponential(9).split('e') as [string, string];
    const power = Number(e);
    return `${mantissa.replace(/\.?0+$/, '')}e${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
  }
  return String(Number(n.toPrecision(10)));
}
