import type { Attribute, Block, Body, Expression, ObjectExpr } from './ast.ts';
import { spanRanges } from './position-map.ts';

/**
 * In Terraform's JSON syntax a nested block looks like an argument whose value is an object (or an array
 * of objects): `"versioning": {"enabled": true}`. Only the schema tells which names are blocks, so the
 * JSON reader leaves them as attributes and schema-aware consumers call this to turn them into blocks.
 *
 * `isBlock(name, path)` says whether `name` is a nested block type inside the block reached by `path`
 * (the names of the enclosing nested blocks, [] for the resource body itself). Returns a new body; the
 * input is not modified. Attributes whose value is not an object or array of objects stay attributes.
 */
export function jsonBodyWithBlocks(body: Body, isBlock: (name: string, path: string[]) => boolean, path: string[] = []): Body {
  const attributes: Attribute[] = [];
  const blocks: Block[] = [...body.blocks];
  for (const attribute of body.attributes) {
    const bodies = isBlock(attribute.name, path) ? objectBodies(attribute.expr) : undefined;
    if (!bodies) {
      attributes.push(attribute);
      continue;
    }
    for (const object of bodies) {
      const inner: Body = { attributes: object.items.flatMap((item) => itemAttribute(item)), blocks: [], range: object.range };
      blocks.push({
        type: attribute.name,
        labels: [],
        body: jsonBodyWithBlocks(inner, isBlock, [...path, attribute.name]),
        range: spanRanges(attribute.range, object.range),
        typeRange: attribute.nameRange,
        labelRanges: [],
        defRange: attribute.nameRange,
      });
    }
  }
  return { ...body, attributes, blocks };
}

/** The objects an attribute value defines blocks with: one object, or an array of objects. */
function objectBodies(expr: Expression): ObjectExpr[] | undefined {
  if (expr.kind === 'object') return [expr];
  if (expr.kind === 'tuple' && expr.items.every((item) => item.kind === 'object')) return expr.items as ObjectExpr[];
  return undefined;
}

function itemAttribute(item: ObjectExpr['items'][number]): Attribute[] {
  if (item.key.kind !== 'literal' || typeof item.key.value !== 'string') return [];
  return [{ name: item.key.value, expr: item.value, range: item.range, nameRange: item.key.range }];
}
