import type { Body, Expression } from '../hcl/ast.ts';
import type { SchemaAttribute, SchemaBlock, SchemaBlockType } from '../schema/provider-schema.ts';
import { convert } from '../terraform/eval/convert.ts';
import { T_DYNAMIC, typeFromJson, type TfType } from '../terraform/eval/types.ts';
import {
  Sensitive,
  Unknown,
  UNKNOWN,
  isWhollyKnown,
  sortedKeys,
  unknownOf,
  type TfObject,
  type TfValue,
} from '../terraform/eval/value.ts';
import { COMPUTED, type ProviderDefaults } from './provider-defaults.ts';
import { orderSet } from './set-order.ts';
import { normalizeAttribute } from './aws/normalized-attributes.ts';
import { jsonBlockBodies } from './json-blocks.ts';
import type { LenientReading } from '../terraform/eval/context.ts';

/** The unknown value of a computed attribute the configuration leaves unset (decided by the provider). */
export class ComputedUnknown extends Unknown {}

/** Whether every value the configuration sets is known (computed-but-unset attributes do not count). */
export function configWhollyKnown(v: TfValue): boolean {
  if (v instanceof ComputedUnknown) return true;
  if (v instanceof Unknown) return false;
  if (v instanceof Sensitive) return configWhollyKnown(v.value);
  if (v === null || typeof v !== 'object') return true;
  return Array.isArray(v) ? v.every(configWhollyKnown) : Object.values(v).every(configWhollyKnown);
}

/** Evaluates one expression in the resource's scope, with extra names bound (dynamic block iterators). */
export type EvaluateFn = (expr: Expression, extra: ReadonlyMap<string, TfValue>) => TfValue;

export interface PlanObjectContext {
  evaluate: EvaluateFn;
  defaults: ProviderDefaults;
  /** Resource type, the key of `defaults`. */
  type: string;
  /**
   * The legacy SDK shim (managed resources of SDKv2 providers): an attribute value holding an unknown
   * anywhere becomes wholly unknown. Terraform core plans data sources without it.
   */
  legacyShim: boolean;
  /** The provider configuration's `default_tags { tags = ... }`, merged into `tags_all`. */
  defaultTags?: TfValue;
  /** A top-level argument's constant value, `<unset>` or `<other>` (for defaults that depend on it). */
  argument?: (name: string) => string;
  /** Called for dynamic blocks whose for_each is not iterable, etc. */
  warn?: (message: string, expr: Expression) => void;
  /**
   * Read configuration Terraform would reject as far as it goes (SynthesizeOptions.lenient): arguments and blocks
   * the schema does not declare are kept as written, and `name = { ... }` for a nested block type is that block.
   */
  lenient?: LenientReading;
}

/**
 * The planned value of a new resource instance, as the provider plans it for an empty prior state: set
 * arguments converted to the schema type, unset optional arguments null (or the provider's default),
 * unset computed attributes unknown, nested blocks as lists/sets of objects, single blocks as an object
 * or null; sensitive attributes marked. Collections holding an unknown become wholly unknown (the
 * legacy SDK's plan shim, which every real AWS plan shows).
 */
export function planObject(body: Body, schema: SchemaBlock, context: PlanObjectContext): TfObject {
  const argument = (name: string): string => {
    const set = body.attributes.find((a) => a.name === name);
    if (!set) return '<unset>';
    const value = context.evaluate(set.expr, new Map());
    return typeof value === 'string' ? value : '<other>';
  };
  return planBlock(body, schema, { ...context, argument }, '', new Map(), 0);
}

function planBlock(
  body: Body,
  schema: SchemaBlock,
  context: PlanObjectContext,
  path: string,
  scope: ReadonlyMap<string, TfValue>,
  depth: number,
): TfObject {
  // The object's keys in sorted order (placeholders, each set below), as every consumer reads them sorted.
  const out: TfObject = {};
  for (const name of sortedNames(schema)) out[name] = null;
  const attributes = schema.attributes ?? {};
  // Names of the blocks written in this body (a `dynamic` block by its label), for attributes written as blocks.
  let blockNames: Set<string> | undefined;
  if (body.blocks.length > 0) {
    blockNames = new Set();
    for (const b of body.blocks) {
      blockNames.add(b.type);
      if (b.type === 'dynamic' && b.labels[0] !== undefined) blockNames.add(b.labels[0]);
    }
  }
  for (const name of Object.keys(attributes)) {
    const attribute = attributes[name]!;
    const attrPath = path ? `${path}.${name}` : name;
    const set = findAttribute(body, name);
    let value: TfValue | undefined;
    if (set) {
      value = attributeValue(context.evaluate(set.expr, scope), attribute, context.legacyShim);
      if (typeof value === 'string' && context.legacyShim) value = normalizeAttribute(context.type, attrPath, value);
      // The legacy SDK treats an empty collection as unset: a computed argument becomes unknown, a
      // top-level one it does not compute null.
      if (context.legacyShim && isEmptyCollection(value) && !isObjectCollection(attribute)) {
        if (attribute.computed) value = undefined;
        else if (path === '') value = null;
      }
    }
    else if (blockNames?.has(name)) {
      value = blocksAsAttribute(body, name, attribute, context, attrPath, scope, depth);
    }
    if (value === null || value === undefined) value = unsetValue(attribute, context, attrPath);
    if (attribute.write_only) value = null;
    out[name] = attribute.sensitive ? new Sensitive(value) : value;
  }
  for (const name of Object.keys(schema.block_types ?? {})) {
    const blockType = schema.block_types![name]!;
    out[name] = blockValue(body, name, blockType, context, path ? `${path}.${name}` : name, scope, depth);
  }
  applyDerived(out, schema, path, context.defaultTags);
  if (context.lenient) addUndeclared(out, body, context, scope, depth);
  return out;
}

/** The attribute and nested block type names of a schema block, sorted (made once per schema block). */
function sortedNames(schema: SchemaBlock): string[] {
  let names = schemaNames.get(schema);
  if (!names) {
    names = sortedKeys({ ...schema.attributes, ...schema.block_types } as TfObject);
    schemaNames.set(schema, names);
  }
  return names;
}

const schemaNames = new WeakMap<SchemaBlock, string[]>();

/** The first argument of a body with this name (a plain loop: asked for every attribute of the schema). */
function findAttribute(body: Body, name: string): Body['attributes'][number] | undefined {
  for (const attribute of body.attributes) if (attribute.name === name) return attribute;
  return undefined;
}

/**
 * Arguments and blocks the schema does not declare (a misspelt or removed name), added to a planned object as
 * written: argument values evaluated without conversion, blocks as lists of such objects.
 */
function addUndeclared(out: TfObject, body: Body, context: PlanObjectContext, scope: ReadonlyMap<string, TfValue>, depth: number): void {
  for (const attribute of body.attributes) {
    if (Object.hasOwn(out, attribute.name)) continue;
    out[attribute.name] = context.evaluate(attribute.expr, scope);
    if (context.lenient) context.lenient.used = true;
  }
  if (depth > 32) return;
  const added = new Set<string>();
  for (const block of body.blocks) {
    if (block.type === 'dynamic' || (Object.hasOwn(out, block.type) && !added.has(block.type))) continue;
    added.add(block.type);
    if (context.lenient) context.lenient.used = true;
    const nested: TfObject = {};
    addUndeclared(nested, block.body, context, scope, depth + 1);
    const list = (out[block.type] ??= []) as TfValue[];
    list.push(nested);
  }
}

/** List/set of objects: the legacy attributes-as-blocks, whose empty value the SDK keeps. */
function isObjectCollection(attribute: SchemaAttribute): boolean {
  const type = attributeType(attribute);
  return (type.kind === 'list' || type.kind === 'set') && type.element.kind === 'object';
}

function isEmptyCollection(value: TfValue): boolean {
  const v = value instanceof Sensitive ? value.value : value;
  if (Array.isArray(v)) return v.length === 0;
  return v !== null && typeof v === 'object' && !(v instanceof Unknown) && Object.keys(v).length === 0;
}

function attributeType(attribute: SchemaAttribute): TfType {
  if (attribute.type !== undefined) return typeFromJson(attribute.type);
  const nested = attribute.nested_type;
  if (!nested) return T_DYNAMIC;
  // Asked for per planned instance: made once per schema attribute (types are never changed once made).
  let made = nestedTypes.get(attribute);
  if (!made) {
    const attributes: Record<string, TfType> = {};
    for (const [k, a] of Object.entries(nested.attributes)) attributes[k] = attributeType(a);
    const object: TfType = { kind: 'object', attributes };
    made = nested.nesting_mode === 'single' ? object : { kind: nested.nesting_mode, element: object };
    nestedTypes.set(attribute, made);
  }
  return made;
}

const nestedTypes = new WeakMap<SchemaAttribute, TfType>();

/** A configured value converted to the attribute type; a collection with unknowns inside is wholly unknown. */
function attributeValue(raw: TfValue, attribute: SchemaAttribute, legacyShim: boolean): TfValue {
  const type = attributeType(attribute);
  const converted = convert(raw, type);
  let value = converted.ok ? converted.value : raw;
  const inner = value instanceof Sensitive ? value.value : value;
  if (legacyShim && inner !== null && typeof inner === 'object' && !(inner instanceof Unknown) && !isWhollyKnown(inner)) {
    value = unknownOf(type);
  }
  if (inner !== null && Array.isArray(inner) && type.kind === 'set' && isWhollyKnown(inner)) {
    const ordered = orderSet(inner);
    value = value instanceof Sensitive ? new Sensitive(ordered) : ordered;
  }
  return value;
}

function unsetValue(attribute: SchemaAttribute, context: PlanObjectContext, path: string): TfValue {
  const fallback = context.defaults.lookup(context.type, path, context.argument);
  if (fallback !== undefined) return fallback;
  if (attribute.computed) return new ComputedUnknown(attributeType(attribute));
  return null;
}

/**
 * Blocks written for an attribute of type list/set of objects (the legacy "attributes as blocks" mode,
 * e.g. `ingress { ... }` of aws_security_group): each block becomes an object of the element type.
 */
function blocksAsAttribute(
  body: Body,
  blockName: string,
  attribute: SchemaAttribute,
  context: PlanObjectContext,
  path: string,
  scope: ReadonlyMap<string, TfValue>,
  depth: number,
): TfValue {
  const type = attributeType(attribute);
  const element = type.kind === 'list' || type.kind === 'set' ? type.element : undefined;
  if (!element || element.kind !== 'object') return null;
  const instances = expandBlocks(body, blockName, context, scope);
  if (instances instanceof Unknown) return unknownOf(type);
  const items: TfValue[] = [];
  const names = Object.keys(element.attributes);
  const paths = names.map((name) => `${path}.*.${name}`);
  for (const instance of instances) {
    const item: TfObject = {};
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const set = findAttribute(instance.body, name);
      const raw = set ? context.evaluate(set.expr, instance.scope) : null;
      const converted = convert(raw, element.attributes[name]!);
      let value: TfValue = converted.ok ? converted.value : raw;
      if (value === null) value = context.defaults.lookup(context.type, paths[i]!, context.argument) ?? null;
      if (typeof value === 'string' && context.legacyShim) value = normalizeAttribute(context.type, paths[i]!, value);
      if (context.legacyShim && value !== null && typeof value === 'object' && !(value instanceof Unknown) && !isWhollyKnown(value)) {
        value = unknownOf(element.attributes[name]!);
      }
      if (Array.isArray(value) && element.attributes[name]!.kind === 'set' && isWhollyKnown(value)) value = orderSet(value);
      item[name] = value;
    }
    if (context.lenient) {
      // Lenient reading: an argument the element type does not declare is kept as written.
      for (const attribute of instance.body.attributes) {
        if (Object.hasOwn(element.attributes, attribute.name)) continue;
        item[attribute.name] = context.evaluate(attribute.expr, instance.scope);
        context.lenient.used = true;
      }
    }
    items.push(item);
  }
  if (depth > 32) return null;
  return type.kind === 'set' ? orderSet(items) : items;
}

function blockValue(
  body: Body,
  name: string,
  blockType: SchemaBlockType,
  context: PlanObjectContext,
  path: string,
  scope: ReadonlyMap<string, TfValue>,
  depth: number,
): TfValue {
  if (depth > 32) return null;
  const instances = expandBlocks(body, name, context, scope);
  if (instances instanceof Unknown) return instances;
  if (instances.length === 0 && context.defaults.lookup(context.type, path, context.argument) === COMPUTED) {
    const object: TfType = { kind: 'object', attributes: {} };
    return new ComputedUnknown(blockType.nesting_mode === 'single' || blockType.nesting_mode === 'group' ? object : { kind: 'list', element: object });
  }
  const items = instances.map(({ body: b, scope: s }) => planBlock(b, blockType.block, context, `${path}.*`, s, depth + 1));
  switch (blockType.nesting_mode) {
    case 'single':
      return items[0] ?? null;
    case 'group':
      return items[0] ?? planBlock(emptyBody(body), blockType.block, context, `${path}.*`, scope, depth + 1);
    case 'map': {
      const map: TfObject = {};
      instances.forEach((instance, i) => {
        map[instance.label ?? String(i)] = items[i]!;
      });
      return map;
    }
    case 'set':
      return orderSet(items);
    default:
      return items;
  }
}

function emptyBody(like: Body): Body {
  return { attributes: [], blocks: [], range: like.range };
}

interface BlockInstance {
  body: Body;
  scope: ReadonlyMap<string, TfValue>;
  label?: string;
}

/** Static blocks of a type plus `dynamic "type"` blocks expanded over their for_each, in source order. */
function expandBlocks(body: Body, name: string, context: PlanObjectContext, scope: ReadonlyMap<string, TfValue>): BlockInstance[] | Unknown {
  const out: BlockInstance[] = [];
  // JSON syntax: the block written as a property.
  for (const attribute of body.attributes) {
    if (attribute.name !== name) continue;
    for (const b of jsonBlockBodies(attribute, context.lenient) ?? []) out.push({ body: b, scope });
  }
  for (const block of body.blocks) {
    if (block.type === name) {
      const instance: BlockInstance = { body: block.body, scope };
      if (block.labels[0] !== undefined) instance.label = block.labels[0];
      out.push(instance);
      continue;
    }
    if (block.type !== 'dynamic' || block.labels[0] !== name) continue;
    const forEach = block.body.attributes.find((a) => a.name === 'for_each');
    const content = block.body.blocks.find((b) => b.type === 'content');
    if (!forEach || !content) continue;
    const iteratorAttr = block.body.attributes.find((a) => a.name === 'iterator');
    const iterator =
      iteratorAttr && iteratorAttr.expr.kind === 'traversal' && iteratorAttr.expr.steps.length === 0 ? iteratorAttr.expr.root : name;
    let collection = context.evaluate(forEach.expr, scope);
    if (collection instanceof Sensitive) collection = collection.value;
    if (collection instanceof Unknown && context.lenient) {
      // Lenient reading: a dynamic block whose for_each is known only at apply time counts as one block of its
      // content (as Checkov reads it), with an unknown iterator.
      context.lenient.used = true;
      const inner = new Map(scope);
      inner.set(iterator, { key: UNKNOWN, value: UNKNOWN });
      out.push({ body: content.body, scope: inner });
      continue;
    }
    if (collection instanceof Unknown) return new Unknown();
    if (collection === null) continue;
    if (typeof collection !== 'object') {
      context.warn?.(`dynamic "${name}": for_each must be a collection, got ${typeof collection}`, forEach.expr);
      continue;
    }
    const entries: Array<[TfValue, TfValue]> = Array.isArray(collection)
      ? collection.map((v, i) => [i, v])
      : sortedKeys(collection as TfObject).map((k) => [k, (collection as TfObject)[k]!]);
    const labelsAttr = block.body.attributes.find((a) => a.name === 'labels');
    for (const [key, value] of entries) {
      const inner = new Map(scope);
      inner.set(iterator, { key, value });
      const instance: BlockInstance = { body: content.body, scope: inner };
      if (labelsAttr) {
        const labels = context.evaluate(labelsAttr.expr, inner);
        if (Array.isArray(labels) && typeof labels[0] === 'string') instance.label = labels[0];
      }
      out.push(instance);
    }
  }
  return out;
}

/**
 * Attributes the AWS provider derives during planning: `tags_all` is the provider's default tags merged
 * with `tags` (known when `tags` is known), unknown otherwise.
 */
function applyDerived(out: TfObject, schema: SchemaBlock, path: string, defaultTags: TfValue | undefined): void {
  if (path !== '' || !schema.attributes?.tags_all || !schema.attributes.tags) return;
  const plain = (v: TfValue | undefined) => (v instanceof Sensitive ? v.value : v);
  const isMapValue = (v: TfValue | undefined): v is TfObject => v !== null && v !== undefined && typeof v === 'object' && !(v instanceof Unknown) && !Array.isArray(v) && !(v instanceof Sensitive);
  const tags = plain(out.tags);
  const defaults = plain(defaultTags);
  if (tags instanceof Unknown || defaults instanceof Unknown) return;
  if (!isMapValue(tags) && !isMapValue(defaults)) return;
  const merged: TfObject = {};
  const source: TfObject = { ...(isMapValue(defaults) ? defaults : {}), ...(isMapValue(tags) ? tags : {}) };
  if (Object.values(source).some((v) => v instanceof Unknown)) {
    out.tags_all = new ComputedUnknown({ kind: 'map', element: { kind: 'string' } });
    return;
  }
  for (const key of sortedKeys(source)) merged[key] = source[key]!;
  out.tags_all = merged;
}
