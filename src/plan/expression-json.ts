import type { Block, Body, Expression } from '../hcl/ast.ts';
import type { SchemaAttribute, SchemaBlock } from '../schema/provider-schema.ts';
import type { LenientReading } from '../terraform/eval/context.ts';
import { convert } from '../terraform/eval/convert.ts';
import { typeFromJson } from '../terraform/eval/types.ts';
import { fromJson } from '../terraform/eval/value.ts';
import { knownJson } from './values-json.ts';
import { jsonBlockBodies } from './json-blocks.ts';
import { constantValue } from './constant-value.ts';
import type { ExpressionJson, ExpressionsJson, JsonValue } from './plan-json.ts';
import { expressionReferences, parseReference, staticPrefix } from './references.ts';

/**
 * One expression as Terraform writes it in the plan's `configuration` section (jsonconfig
 * marshalExpression): `constant_value` when it evaluates without any context, `references` when it
 * refers to anything, `{}` otherwise (e.g. a function call over literals).
 */
export function marshalExpression(expr: Expression, sources?: SourceText): ExpressionJson {
  const out: ExpressionJson = {};
  const constant = jsonConstant(expr, sources) ?? constantValue(expr);
  if (constant) out.constant_value = constant.value;
  const references = expressionReferences(expr);
  if (references.length > 0) out.references = references;
  return out;
}

/** The text of each configuration file by its (display) file name, for expressions in JSON syntax. */
export type SourceText = ReadonlyMap<string, string>;

/**
 * In JSON syntax HCL's `Value(nil)` does not interpret strings as templates: the constant is the JSON
 * value as written (`"${var.name}-bucket"` stays that string), next to the references it makes.
 */
function jsonConstant(expr: Expression, sources: SourceText | undefined): { value: JsonValue } | undefined {
  const range = expr.range;
  if (!sources || !range.filename.endsWith('.json')) return undefined;
  const text = sources.get(range.filename);
  if (text === undefined) return undefined;
  try {
    const raw = Buffer.from(text, 'utf8').subarray(range.start.byte, range.end.byte).toString('utf8');
    return { value: JSON.parse(raw) as JsonValue };
  } catch {
    return undefined;
  }
}

/**
 * A block body's attributes and nested blocks (jsonconfig marshalExpressions): only names the schema
 * declares (all of them when there is no schema); list/set blocks as arrays, single/group blocks as one
 * object, map blocks keyed by label. `dynamic` blocks are not expanded (Terraform omits them here).
 * With `lenient` (SynthesizeOptions.lenient), names the schema does not declare are kept too (marshalled as
 * without a schema), and an argument holding objects for a nested block type is read as those blocks.
 */
export function marshalBody(body: Body, schema: SchemaBlock | undefined, depth = 0, sources?: SourceText, lenient?: LenientReading): ExpressionsJson {
  const out: ExpressionsJson = {};
  if (depth > 64) return out;
  for (const attribute of body.attributes) {
    if (schema && schema.block_types?.[attribute.name]) continue;
    if (schema && !schema.attributes?.[attribute.name]) {
      if (!lenient) continue;
      lenient.used = true;
    }
    out[attribute.name] = marshalExpression(attribute.expr, sources);
  }
  // Blocks written for attributes, in schema order. Schemas have hundreds of attributes and most bodies write no
  // such block, so the schema is only walked when one is present.
  const attributes = schema?.attributes;
  if (attributes && body.blocks.some((b) => Object.hasOwn(attributes, b.type) && !(b.type in out))) {
    for (const [name, attribute] of Object.entries(attributes)) {
      if (name in out) continue;
      const blocks = body.blocks.filter((b) => b.type === name);
      if (blocks.length > 0) out[name] = marshalBlocksAsAttribute(blocks, attribute);
    }
  }
  const blocks = [...body.blocks];
  for (const attribute of body.attributes) {
    // JSON syntax writes nested blocks as properties.
    const blockType = schema?.block_types?.[attribute.name];
    if (!blockType) continue;
    for (const b of jsonBlockBodies(attribute, lenient) ?? []) blocks.push({ type: attribute.name, labels: [], body: b, range: b.range, typeRange: b.range, labelRanges: [], defRange: b.range });
  }
  for (const block of blocks) {
    const blockType = schema?.block_types?.[block.type];
    if (block.type === 'dynamic' && !blockType) continue;
    if (schema && !blockType) {
      if (!lenient || Object.hasOwn(schema.attributes ?? {}, block.type)) continue;
      lenient.used = true;
    }
    const nested = marshalBody(block.body, blockType?.block, depth + 1, sources, lenient);
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

/**
 * Blocks written for an attribute of type list/set of objects (Terraform's blocktoattr fix-up): the
 * references of every block's arguments (attribute names in sorted order), or a constant list of
 * objects with every attribute of the element type (unset ones null) when all arguments are constants.
 */
function marshalBlocksAsAttribute(blocks: Block[], attribute: SchemaAttribute): ExpressionJson {
  const type = attribute.type !== undefined ? typeFromJson(attribute.type) : undefined;
  const element = type && (type.kind === 'list' || type.kind === 'set') && type.element.kind === 'object' ? type.element : undefined;
  const out: ExpressionJson = {};
  const references: string[] = [];
  const items: JsonValue[] = [];
  let constant = element !== undefined;
  for (const block of blocks) {
    const names = element ? Object.keys(element.attributes).sort() : block.body.attributes.map((a) => a.name).sort();
    const item: Record<string, JsonValue> = {};
    for (const name of names) {
      const set = block.body.attributes.find((a) => a.name === name);
      if (!set) {
        item[name] = null;
        continue;
      }
      references.push(...expressionReferences(set.expr));
      const value = constantValue(set.expr);
      const attrType = element?.attributes[name];
      if (!value || !attrType) {
        constant = false;
        continue;
      }
      const converted = convert(fromJson(value.value), attrType);
      item[name] = converted.ok ? ((knownJson(converted.value) ?? null) as JsonValue) : value.value;
    }
    items.push(item);
  }
  if (constant && references.length === 0) out.constant_value = items;
  if (references.length > 0) out.references = references;
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
