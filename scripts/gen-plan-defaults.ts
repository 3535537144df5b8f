// Records the values the AWS provider plans for unset arguments, from real `terraform show -json` plans
// (../shared/data/iac-eval/terraform-plans by default, plus any directories given as arguments), into
// assets/plan/provider-defaults.json.gz for the plan synthesizer. A path is kept only when every
// observation of it (type + attribute path, argument unset in the configuration) planned the same known
// value; paths whose value depends on the configuration disagree and are dropped.
//
//   npx tsx scripts/gen-plan-defaults.ts [plan-dir...] [--exclude-odd]
// The committed asset is built from ../shared/data/iac-eval/terraform-plans and
// bench/baselines/plan-provider-defaults (scripts/record-provider-defaults.ts):
//   npx tsx scripts/gen-plan-defaults.ts ../shared/data/iac-eval/terraform-plans bench/baselines/plan-provider-defaults \
//     --sources ../shared/data/iac-eval/iac-eval.jsonl
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { loadBundledSchemas } from '../src/schema/index.ts';
import type { SchemaBlock } from '../src/schema/provider-schema.ts';
import { assetPath } from '../src/core/package-root.ts';
import { parseHclFile } from '../src/hcl/parse.ts';
import { logger } from '../src/core/logger.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };
const UNKNOWN = '\u0000unknown';
/** Stored for unset blocks the provider plans as wholly unknown. */
const COMPUTED_BLOCK: Json = { $computed: true };
const path = (prefix: string, name: string) => prefix + name;

const args = process.argv.slice(2);
const excludeOdd = args.includes('--exclude-odd');
const dirs = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--sources');
if (dirs.length === 0) dirs.push(join(import.meta.dirname, '..', '..', 'shared', 'data', 'iac-eval', 'terraform-plans'));
// --exclude-odd (for the held-out measurement in bench-plan) writes next to the temp dir, not into assets.
const out = excludeOdd ? join(tmpdir(), 'iacpac-provider-defaults.even.json.gz') : join(assetPath('plan'), 'provider-defaults.json.gz');

const schemas = loadBundledSchemas();
const observations = new Map<string, Map<string, string[]>>();

/**
 * Top-level string arguments of the resource being mined (constant value, `<unset>` or `<other>`): a
 * default that differs between resources may depend on one of them (aws_lb's on load_balancer_type).
 */
let currentDiscriminators: Record<string, string> = {};
const discriminatorsSeen = new Map<string, Array<Record<string, string>>>();

function observe(type: string, path: string, value: Json | typeof UNKNOWN): void {
  let forType = observations.get(type);
  if (!forType) observations.set(type, (forType = new Map()));
  const list = forType.get(path) ?? [];
  list.push(value === UNKNOWN ? UNKNOWN : JSON.stringify(value));
  forType.set(path, list);
  const key = `${type}\u0000${path}`;
  const discs = discriminatorsSeen.get(key) ?? [];
  discs.push(currentDiscriminators);
  discriminatorsSeen.set(key, discs);
}

function discriminatorsOf(schema: SchemaBlock, expressions: Obj): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, attribute] of Object.entries(schema.attributes ?? {})) {
    if (attribute.type !== 'string') continue;
    const expr = expressions[name];
    if (!isObj(expr)) out[name] = '<unset>';
    else out[name] = typeof expr.constant_value === 'string' ? expr.constant_value : '<other>';
  }
  return out;
}

/** A default that is constant within groups of one discriminator's values: `{ $when, cases }`. */
function conditionalDefault(type: string, path: string, values: string[]): Json | undefined {
  // tags_all follows tags (a rule of the synthesizer), never another argument.
  if (path === 'tags_all') return undefined;
  void values;
  const discs = discriminatorsSeen.get(`${type}\u0000${path}`) ?? [];
  const names = [...new Set(discs.flatMap((d) => Object.keys(d)))].sort();
  for (const name of names) {
    const cases = new Map<string, string>();
    const counts = new Map<string, number>();
    let consistent = true;
    values.forEach((value, i) => {
      const group = discs[i]?.[name] ?? '<unset>';
      const seen = cases.get(group);
      if (seen !== undefined && seen !== value) consistent = false;
      cases.set(group, value);
      counts.set(group, (counts.get(group) ?? 0) + 1);
    });
    cases.delete('<other>');
    // A real dependency shows in several resources per value, over few values (not a name or an id).
    for (const group of [...cases.keys()]) if ((counts.get(group) ?? 0) < 2) cases.delete(group);
    if (!consistent || cases.size < 1 || counts.size < 2 || counts.size > 6) continue;
    const out: Record<string, Json> = {};
    for (const [group, value] of cases) out[group] = value === UNKNOWN ? { $computed: true } : (JSON.parse(value) as Json);
    return { $when: name, cases: out };
  }
  return undefined;
}

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** For attributes written as blocks: resource address -> attribute -> fields set in any of its blocks. */
type BlockFields = Map<string, Set<string>>;

function mine(type: string, after: Obj, unknown: Obj, expressions: Obj[], schema: SchemaBlock, prefix: string, blockFields?: BlockFields): void {
  for (const [name, attribute] of Object.entries(schema.attributes ?? {})) {
    const path = prefix + name;
    // tags_all is derived from tags by the synthesizer; what is learnt is its value without tags
    // (unknown for the legacy SDK, {} for plugin-framework resources).
    if (path === 'tags_all') {
      if (after.tags === null || after.tags === undefined) observe(type, path, unknown[name] === true ? UNKNOWN : (after[name] ?? null));
      continue;
    }
    const configured = expressions.filter((e) => name in e);
    if (configured.length === 0) {
      observe(type, path, unknown[name] === true ? UNKNOWN : (after[name] ?? null));
      continue;
    }
    // Attributes written as blocks: constant objects with unset fields as null.
    const value = after[name];
    const fieldsSet = prefix === '' ? blockFields?.get(name) : undefined;
    if (fieldsSet && Array.isArray(value)) {
      const elementType = attribute.type;
      const fields = Array.isArray(elementType) && Array.isArray(elementType[1]) && elementType[1][0] === 'object' ? Object.keys(elementType[1][1] as object) : [];
      const unknownElements = Array.isArray(unknown[name]) ? (unknown[name] as Json[]) : [];
      for (const field of fields) {
        if (fieldsSet.has(field)) continue;
        value.forEach((element, i) => {
          if (!isObj(element)) return;
          const u = unknownElements[i];
          observe(type, `${path}.*.${field}`, isObj(u) && u[field] === true ? UNKNOWN : (element[field] ?? null));
        });
      }
      continue;
    }
    if (attribute.type && Array.isArray(value) && configured.length === expressions.length) {
      const constants = configured.map((e) => (isObj(e[name]) ? (e[name] as Obj).constant_value : undefined));
      if (constants.every((c) => Array.isArray(c) && c.every(isObj))) {
        const all = constants.flat() as Obj[];
        const fields = new Set(all.flatMap((o) => Object.keys(o)));
        for (const field of fields) {
          if (!all.every((o) => o[field] === null)) continue;
          for (const element of value) if (isObj(element)) observe(type, `${path}.*.${field}`, element[field] ?? null);
        }
      }
    }
  }
  for (const [name, blockType] of Object.entries(schema.block_types ?? {})) {
    const value = after[name];
    const unknownValue = unknown[name];
    const nested = expressions.flatMap((e) => {
      const x = e[name];
      return Array.isArray(x) ? (x.filter(isObj) as Obj[]) : isObj(x) ? [x] : [];
    });
    if (nested.length === 0) {
      // An unset block the provider plans as unknown (an Optional+Computed block of the legacy SDK).
      observe(type, path(prefix, name), unknownValue === true ? COMPUTED_BLOCK : (value ?? null));
    }
    const elements = Array.isArray(value) ? value : isObj(value) ? [value] : [];
    const unknowns = Array.isArray(unknownValue) ? unknownValue : isObj(unknownValue) ? [unknownValue] : [];
    elements.forEach((element, i) => {
      if (!isObj(element)) return;
      const u = unknowns[i];
      // List blocks keep configuration order: pair each planned element with its own block.
      let paired = blockType.nesting_mode === 'list' && expressions.length === 1 && nested.length === elements.length ? [nested[i]!] : undefined;
      if (!paired && blockType.nesting_mode === 'set' && isObj(element)) {
        // Set blocks are reordered: pair an element with the one block whose constant arguments it matches.
        const matches = nested.filter((block) => {
          const constants = Object.entries(block).filter(([, e]) => isObj(e) && 'constant_value' in e && (e.constant_value === null || typeof e.constant_value !== 'object'));
          return constants.length > 0 && constants.every(([k, e]) => JSON.stringify(element[k] ?? null) === JSON.stringify((e as Obj).constant_value));
        });
        if (matches.length === 1) paired = [matches[0]!];
      }
      mine(type, element, isObj(u) ? u : {}, paired ?? (nested.length > 0 ? nested : [{}]), blockType.block, `${prefix}${name}.*.`);
    });
  }
}

// Optional: the configurations behind the plans (IaC-Eval rows), to see which fields blocks set.
const sourcesIndex = args.indexOf('--sources');
const sources = new Map<number, string>();
if (sourcesIndex >= 0) {
  for (const line of readFileSync(args[sourcesIndex + 1]!, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { index: number; reference_output: string };
    sources.set(row.index, row.reference_output);
  }
}

async function blockFieldsOf(source: string | undefined): Promise<Map<string, BlockFields>> {
  const out = new Map<string, BlockFields>();
  if (!source) return out;
  const file = await parseHclFile('main.tf', source);
  for (const block of file.body.blocks) {
    if (block.type !== 'resource' || block.labels.length !== 2) continue;
    const fields: BlockFields = new Map();
    for (const nested of block.body.blocks) {
      const set = fields.get(nested.type) ?? new Set<string>();
      for (const attribute of nested.body.attributes) set.add(attribute.name);
      fields.set(nested.type, set);
    }
    out.set(`${block.labels[0]}.${block.labels[1]}`, fields);
  }
  return out;
}

let plans = 0;
for (const dir of dirs) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') || f.endsWith('.json.gz'))) {
    // --exclude-odd holds out the odd IaC-Eval rows (the first directory) for bench-plan's held-out check.
    if (excludeOdd && dir === dirs[0] && Number.parseInt(file, 10) % 2 === 1) continue;
    const raw = readFileSync(join(dir, file));
    const plan = JSON.parse((file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
    plans++;
    const fieldsByResource = await blockFieldsOf(sources.get(Number.parseInt(file, 10)));
    const configs = new Map<string, Obj>();
    for (const r of plan.configuration?.root_module?.resources ?? []) configs.set(r.address, r.expressions ?? {});
    for (const change of plan.resource_changes ?? []) {
      if (change.mode !== 'managed' || change.module_address || !change.change.actions.includes('create')) continue;
      const schema = schemas.resourceSchema('hashicorp/aws', change.type, 'managed');
      const expressions = configs.get(String(change.address).replace(/\[[^\]]*\]$/, ''));
      if (!schema || !expressions || !isObj(change.change.after)) continue;
      const fields = fieldsByResource.get(String(change.address).replace(/\[[^\]]*\]$/, ''));
      currentDiscriminators = discriminatorsOf(schema.block, expressions);
      mine(change.type, change.change.after, isObj(change.change.after_unknown) ? change.change.after_unknown : {}, [expressions], schema.block, '', fields);
    }
  }
}

const table: Record<string, Record<string, Json>> = {};
let kept = 0;
for (const type of [...observations.keys()].sort()) {
  const schema = schemas.resourceSchema('hashicorp/aws', type, 'managed');
  for (const [path, values] of [...observations.get(type)!.entries()].sort()) {
    const first = values[0]!;
    if (!values.every((v) => v === first)) {
      const conditional = conditionalDefault(type, path, values);
      if (conditional !== undefined) {
        (table[type] ??= {})[path] = conditional;
        kept++;
      }
      continue;
    }
    if (first === UNKNOWN) continue;
    const value = JSON.parse(first) as Json;
    if (value === null && !isComputed(schema?.block, path)) continue;
    if (Array.isArray(value) && value.length === 0 && isBlock(schema?.block, path)) continue;
    (table[type] ??= {})[path] = value;
    kept++;
  }
}

function isBlock(block: SchemaBlock | undefined, path: string): boolean {
  const parts = path.split('.').filter((p) => p !== '*');
  let current = block;
  for (let i = 0; i < parts.length - 1; i++) current = current?.block_types?.[parts[i]!]?.block;
  return Boolean(current?.block_types?.[parts[parts.length - 1]!]);
}

function isComputed(block: SchemaBlock | undefined, path: string): boolean {
  const parts = path.split('.').filter((p) => p !== '*');
  let current = block;
  for (let i = 0; i < parts.length - 1; i++) current = current?.block_types?.[parts[i]!]?.block;
  return Boolean(current?.attributes?.[parts[parts.length - 1]!]?.computed);
}

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, gzipSync(`${JSON.stringify(table, null, 0)}\n`));
logger.out(`${plans} plans, ${Object.keys(table).length} resource types, ${kept} default paths -> ${out}`);
