import type { Block, Body, Expression } from '../hcl/ast.ts';
import type { SchemaBlock } from '../schema/provider-schema.ts';
import { constantValue } from './constant-value.ts';
import type { ExpressionJson, ExpressionsJson } from './plan-json.ts';
import { expressionReferences, parseReference, staticPrefix } from './references.ts';

/**
 * One expression as Terraform writes it in the plan's `configuration` section (jsonconfig
 * marshalExpression): `constant_value` when it evaluates without any context, `references` when it
 * refers to anything, `{}` otherwise (e.g. a function call over literals).
 */
export function marshalExpression(expr: Expression): ExpressionJson {
  const out: ExpressionJson = {};
  const constant = constantValue(expr);
  if (constant) out.constant_value = constant.value;
  const references = expressionReferences(expr);
  if (references.length > 0) out.references = references;
  return out;
}

/**
 * A block body's attributes and nested blocks (jsonconfig marshalExpressions): only names the schema
 * declares (all of them when there is no schema); list/set blocks as arrays, single/group blocks as one
 * object, map blocks keyed by label. `dynamic` blocks are not expanded (Terraform omits them here).
 */
export function marshalBody(body: Body, schema: SchemaBlock | undefined, depth = 0): ExpressionsJson {
  const out: ExpressionsJson = {};
  if (depth > 64) return out;
  for (const attribute of body.attributes) {
    if (schema && !schema.attributes?.[attribute.name]) continue;
    if (schema && schema.block_types?.[attribute.name]) continue;
    out[attribute.name] = marshalExpression(attribute.expr);
  }
  for (const block of body.blocks) {
    const blockType = schema?.block_types?.[block.type];
    if (schema && !blockType) continue;
    if (!schema && block.type === 'dynamic') continue;
    const nested = marshalBody(block.body, blockType?.block, depth + 1);
    const mode = blockType?.nesting_mode ?? 'list';
    if (mode === 'single' || mode === 'group') {
      if (!(block.type in out)) out[block.type] = nested;
    } else if (mode === 'map') {
      const map = (out[block.type] ??= {}) as ExpressionsJson;
      const label = block.labels[0];
      if (label !== undefined) map[label] = nested;
    } else {
      const list = (out[block.type] ??= []) as ExpressionsJson[];
      list.push(nested);
    }
  }
  return out;
}

/** `depends_on` entries as Terraform writes them: the subject address of each reference. */
export function marshalDependsOn(items: Expression[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    if (item.kind !== 'traversal') continue;
    const ref = parseReference({ root: item.root, steps: staticPrefix(item.steps).steps });
    if (ref) out.push(ref.subject);
  }
  return out;
}

/** Nested blocks of a given type, including `dynamic "type"` blocks (for value synthesis). */
export function blocksOfType(body: Body, type: string): Block[] {
  return body.blocks.filter((b) => b.type === type || (b.type === 'dynamic' && b.labels[0] === type));
}
