import type { Attribute, Body, Expression } from '../hcl/ast.ts';
import type { LenientReading } from '../terraform/eval/context.ts';

/**
 * In Terraform's JSON syntax (`*.tf.json`) a nested block is written as a property whose value is an object
 * (or an array of objects); the reader cannot tell it from an argument until the schema says it is a block.
 * Returns the block bodies such a property stands for, or undefined when it is not from a JSON file. With
 * `lenient`, the same holds in native syntax (`versioning = { enabled = true }`, which Terraform rejects but
 * older configurations and Checkov read as the block).
 */
export function jsonBlockBodies(attribute: Attribute, lenient?: LenientReading): Body[] | undefined {
  const json = attribute.range.filename.endsWith('.json');
  if (!lenient && !json) return undefined;
  const expr = attribute.expr;
  let bodies: Body[] | undefined;
  if (expr.kind === 'object') bodies = [bodyOf(expr)];
  else if (expr.kind === 'tuple' && expr.items.length > 0 && expr.items.every((item) => item.kind === 'object')) {
    bodies = expr.items.map((item) => bodyOf(item as Extract<Expression, { kind: 'object' }>));
  }
  if (bodies && !json && lenient) lenient.used = true;
  return bodies;
}

function bodyOf(object: Extract<Expression, { kind: 'object' }>): Body {
  const attributes: Attribute[] = [];
  for (const item of object.items) {
    const name = keyName(item.key);
    if (name === undefined) continue;
    attributes.push({ name, expr: item.value, range: item.range, nameRange: item.key.range });
  }
  return { attributes, blocks: [], range: object.range };
}

function keyName(key: Expression): string | undefined {
  if (key.kind === 'literal' && typeof key.value === 'string') return key.value;
  if (key.kind === 'traversal' && key.steps.length === 0) return key.root;
  if (key.kind === 'template' && key.parts.every((p) => p.kind === 'text')) return key.parts.map((p) => (p.kind === 'text' ? p.value : '')).join('');
  return undefined;
}
