import type { SourceRange } from '../../core/source-range.ts';
import type { Body, Expression } from '../../hcl/ast.ts';
import { startRange } from '../../hcl/start-range.ts';
import { charRange } from '../diagnostic.ts';

/** A step of a provider diagnostic's attribute path: an attribute or block name, a list index or a map key. */
export type AttributePathStep = string | number | { key: string };

/** HCL's `MissingItemRange` of a block body: its opening brace. */
function missingItemRange(body: Body): SourceRange {
  return charRange(body.range.filename, body.range.start);
}

/**
 * Where Terraform points a provider diagnostic with an attribute path (tfdiags' ElaborateFromConfigBody): it
 * walks nested blocks as far as the path names them (a list index picks the n-th block of that type, a map key
 * the block with that label; any other step stops the walk), then points at the final attribute's expression
 * (a list element or map value when the path ends in an index), or else at the deepest body's opening brace.
 */
export function rangeForAttributePath(root: Body, path: readonly AttributePathStep[]): SourceRange {
  let body = root;
  if (path.length === 0 || typeof path[0] !== 'string') return missingItemRange(root);
  let final = path[path.length - 1] as AttributePathStep;
  let traverse = path;
  let index: AttributePathStep | undefined;
  if (typeof final !== 'string') {
    index = final;
    final = path[path.length - 2] as AttributePathStep;
    traverse = path.slice(0, -1);
  }
  if (traverse.length > 1) body = traverseBlocks(traverse, body);
  if (typeof final !== 'string') return missingItemRange(body);
  const attribute = body.attributes.find((a) => a.name === final);
  // HCL's PartialContent fails when the name is a block here: the body's brace then.
  if (!attribute || body.blocks.some((b) => b.type === final)) return missingItemRange(body);
  if (index === undefined) return attribute.expr.range;
  if (typeof index === 'number') {
    const items = listItems(attribute.expr);
    if (!items) return attribute.expr.range;
    const item = items[index];
    return item ? item.range : attribute.nameRange;
  }
  const pairs = mapPairs(attribute.expr);
  if (!pairs) return attribute.expr.range;
  for (const pair of pairs) {
    if (pair.key === undefined) return attribute.expr.range;
    if (typeof index !== 'string' && pair.key === index.key) return startRange(pair.value);
  }
  return attribute.nameRange;
}

function traverseBlocks(traverse: readonly AttributePathStep[], start: Body): Body {
  let body = start;
  for (let i = 0; i < traverse.length; i++) {
    const step = traverse[i];
    if (typeof step !== 'string') return body;
    const next = traverse[i + 1];
    let index: AttributePathStep | undefined;
    if (next !== undefined && typeof next !== 'string') {
      index = next;
      i++;
    }
    const blocks = body.blocks.filter((b) => b.type === step);
    if (blocks.length === 0) continue;
    if (index === undefined) {
      if (blocks.length !== 1) return body;
      body = (blocks[0] as (typeof blocks)[number]).body;
    } else if (typeof index === 'number') {
      const block = blocks[index];
      if (!block) return body;
      body = block.body;
    } else if (typeof index !== 'string') {
      const key = index.key;
      const block = blocks.find((b) => b.labels[0] === key);
      if (!block) return body;
      body = block.body;
    }
  }
  return body;
}

/** `hcl.ExprList`: the items of a tuple constructor (also through parentheses), else undefined. */
function listItems(expr: Expression): Expression[] | undefined {
  if (expr.kind === 'parens') return listItems(expr.expr);
  return expr.kind === 'tuple' ? expr.items : undefined;
}

/** `hcl.ExprMap`: the pairs of an object constructor with their static keys (undefined when a key is not static). */
function mapPairs(expr: Expression): Array<{ key: string | undefined; value: Expression }> | undefined {
  if (expr.kind === 'parens') return mapPairs(expr.expr);
  if (expr.kind !== 'object') return undefined;
  return expr.items.map((item) => {
    const key = item.key;
    let text: string | undefined;
    if (key.kind === 'literal' && typeof key.value === 'string') text = key.value;
    else if (key.kind === 'traversal' && key.steps.length === 0) text = key.root;
    else if (key.kind === 'template' && key.parts.every((p) => p.kind === 'text')) text = key.parts.map((p) => (p.kind === 'text' ? p.value : '')).join('');
    return { key: text, value: item.value };
  });
}
