// Which configurations to show the provider so that its own argument checks become visible (used by
// probe-provider-checks.ts). Every configuration is a resource (or data source) body that Terraform itself
// would accept: required arguments and required blocks are present, so the provider's validation runs.
//
// Variant kinds (the `kind` recorded with each probe result):
//   minimal          only what the schema requires: exactly-one-of / at-least-one-of groups with no member set
//   block            minimal + one optional nested block (with what it requires): the same groups inside it
//   value            minimal + one argument set to one probe value: allowed values, formats, lengths, ranges,
//                    required-with groups, deprecation warnings
//   all              minimal + every optional argument and block set at once: conflicts, "only one of" groups
//   pair             minimal + two arguments/blocks (found conflicting in `all`): each conflict pair
//   case             an argument set to an allowed value in other letter case: the case sensitivity of enums
//   format           a CIDR argument set to a non-network IPv4 block, an IPv6 block and a valid block: its family
import type { WireValue } from './plugin-client.ts';
import type { CtyType, SchemaAttribute, SchemaBlock, SchemaBlockType } from '../../src/schema/provider-schema.ts';

/** A path through nested blocks to an argument or a block: attribute/block names, one block instance each. */
export type SchemaPath = string[];

export interface ProbeVariant {
  kind: 'minimal' | 'block' | 'value' | 'all' | 'pair' | 'case' | 'format';
  /** Blocks to instantiate (with their required content), outermost first. */
  blocks: SchemaPath[];
  /** Arguments to set. */
  set: Array<{ path: SchemaPath; value: WireValue }>;
}

/** The probe strings: a name-like value, the empty string and a long value (length bounds). */
export const PROBE_STRING = 'iacpac_Probe-1';
export const LONG_STRING = 'a'.repeat(5000);
export const PROBE_NUMBERS = [-99999999, 99999999];
const MAX_BLOCK_DEPTH = 5;

export function isSettable(attribute: SchemaAttribute): boolean {
  return Boolean(attribute.required || attribute.optional);
}

/** Probe values for an argument of this type (first one also used to fill required arguments). */
export function probeValues(type: CtyType | undefined): WireValue[] {
  if (type === 'string') return [PROBE_STRING, '', LONG_STRING];
  if (type === 'number') return PROBE_NUMBERS;
  if (type === 'bool') return [true];
  if (Array.isArray(type) && (type[0] === 'list' || type[0] === 'set')) {
    if (type[1] === 'string') return [[PROBE_STRING], [], Array.from({ length: 150 }, (_, i) => `${PROBE_STRING}${i}`)];
    if (type[1] === 'number') return [[PROBE_NUMBERS[0] as number], []];
    return [[]];
  }
  if (Array.isArray(type) && type[0] === 'map') {
    if (type[1] === 'string') return [{ [PROBE_STRING]: PROBE_STRING }];
    return [{}];
  }
  return [];
}

/** A value Terraform would accept for a required argument of this type. */
function fillValue(type: CtyType | undefined): WireValue {
  if (type === 'string') return PROBE_STRING;
  if (type === 'number') return 1;
  if (type === 'bool') return false;
  if (Array.isArray(type)) {
    if (type[0] === 'list' || type[0] === 'set') return type[1] === 'string' ? [PROBE_STRING] : [];
    if (type[0] === 'map') return {};
    if (type[0] === 'object') return Object.fromEntries(Object.keys(type[1]).map((k) => [k, null]));
    if (type[0] === 'tuple') return type[1].map(() => null);
  }
  return null;
}

function blockInstanceCount(blockType: SchemaBlockType): number {
  return Math.max(1, blockType.min_items ?? 0);
}

/** The body of a block with only its required content (nulls, empty block collections otherwise). */
export function requiredBody(block: SchemaBlock, depth = 0): Record<string, WireValue> {
  const out: Record<string, WireValue> = {};
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) out[name] = attribute.required ? fillValue(attribute.type) : null;
  for (const [name, blockType] of Object.entries(block.block_types ?? {})) {
    const required = (blockType.min_items ?? 0) > 0 && depth < 32;
    const instances = required ? Array.from({ length: blockInstanceCount(blockType) }, () => requiredBody(blockType.block, depth + 1)) : [];
    out[name] = emptyOrInstances(blockType, instances);
  }
  return out;
}

function emptyOrInstances(blockType: SchemaBlockType, instances: Array<Record<string, WireValue>>): WireValue {
  switch (blockType.nesting_mode) {
    case 'single':
    case 'group':
      return instances[0] ?? null;
    case 'map':
      return Object.fromEntries(instances.map((instance, i) => [`key${i}`, instance]));
    default:
      return instances;
  }
}

/** The configuration object of a variant. */
export function buildConfig(schema: SchemaBlock, variant: ProbeVariant): Record<string, WireValue> {
  const root = requiredBody(schema);
  const bodyAt = (blockPath: SchemaPath): { body: Record<string, WireValue>; schema: SchemaBlock } => {
    let body = root;
    let current = schema;
    for (const name of blockPath) {
      const blockType = current.block_types?.[name];
      if (!blockType) throw new Error(`no block ${name}`);
      let value = body[name];
      let instance: Record<string, WireValue> | undefined;
      if (blockType.nesting_mode === 'single' || blockType.nesting_mode === 'group') {
        instance = (value as Record<string, WireValue> | null) ?? undefined;
        if (!instance) body[name] = instance = requiredBody(blockType.block);
      } else if (blockType.nesting_mode === 'map') {
        const map = value as Record<string, WireValue>;
        instance = map.key0 as Record<string, WireValue> | undefined;
        if (!instance) map.key0 = instance = requiredBody(blockType.block);
      } else {
        const list = value as Array<Record<string, WireValue>>;
        instance = list[0];
        if (!instance) list.push((instance = requiredBody(blockType.block)));
      }
      value = instance;
      body = instance;
      current = blockType.block;
    }
    return { body, schema: current };
  };
  for (const blockPath of variant.blocks) bodyAt(blockPath);
  for (const { path, value } of variant.set) {
    const { body } = bodyAt(path.slice(0, -1));
    body[path[path.length - 1] as string] = value;
  }
  return root;
}

export interface SchemaWalkEntry {
  /** Blocks enclosing the item. */
  blocks: SchemaPath;
  name: string;
  attribute?: SchemaAttribute;
  blockType?: SchemaBlockType;
}

/** Every settable argument and every nested block type, depth-first (bounded nesting depth). */
export function walkSchema(block: SchemaBlock, blocks: SchemaPath = [], out: SchemaWalkEntry[] = []): SchemaWalkEntry[] {
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    if (isSettable(attribute)) out.push({ blocks, name, attribute });
  }
  if (blocks.length >= MAX_BLOCK_DEPTH) return out;
  for (const [name, blockType] of Object.entries(block.block_types ?? {})) {
    out.push({ blocks, name, blockType });
    walkSchema(blockType.block, [...blocks, name], out);
  }
  return out;
}

/** The first-round variants of one resource type or data source. */
export function firstRoundVariants(schema: SchemaBlock): ProbeVariant[] {
  const out: ProbeVariant[] = [{ kind: 'minimal', blocks: [], set: [] }];
  const entries = walkSchema(schema);
  const all: ProbeVariant = { kind: 'all', blocks: [], set: [] };
  for (const entry of entries) {
    if (entry.blockType) {
      const path = [...entry.blocks, entry.name];
      out.push({ kind: 'block', blocks: [path], set: [] });
      all.blocks.push(path);
      continue;
    }
    const attribute = entry.attribute as SchemaAttribute;
    const path = [...entry.blocks, entry.name];
    for (const value of probeValues(attribute.type)) out.push({ kind: 'value', blocks: [entry.blocks], set: [{ path, value }] });
    const [first] = probeValues(attribute.type);
    if (first !== undefined && !attribute.required) all.set.push({ path, value: first });
  }
  out.push(all);
  return out;
}

/** A pair variant: two arguments or blocks set together. */
export function pairVariant(schema: SchemaBlock, a: SchemaPath, b: SchemaPath): ProbeVariant {
  const variant: ProbeVariant = { kind: 'pair', blocks: [], set: [] };
  for (const path of [a, b]) {
    const entry = findEntry(schema, path);
    if (!entry) continue;
    if (entry.blockType) variant.blocks.push(path);
    else {
      const [first] = probeValues(entry.attribute?.type);
      variant.blocks.push(path.slice(0, -1));
      if (first !== undefined) variant.set.push({ path, value: first });
    }
  }
  return variant;
}

export function findEntry(schema: SchemaBlock, path: SchemaPath): SchemaWalkEntry | undefined {
  let current = schema;
  for (const [i, name] of path.entries()) {
    const last = i === path.length - 1;
    const attribute = current.attributes?.[name];
    if (last && attribute) return { blocks: path.slice(0, -1), name, attribute };
    const blockType = current.block_types?.[name];
    if (!blockType) return undefined;
    if (last) return { blocks: path.slice(0, -1), name, blockType };
    current = blockType.block;
  }
  return undefined;
}
