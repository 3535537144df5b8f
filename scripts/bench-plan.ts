// Compares synthesised plans with real `terraform show -json` plans for every IaC-Eval reference that
// Terraform 1.11.4 + aws 5.100.0 could plan offline (../shared/data/iac-eval/terraform-plans/<index>.json),
// set up the same way (offline provider override files). Prints per-resource agreement of the
// `configuration` entries, known `planned_values`, `resource_changes` addresses + actions, the speed ratio
// against Terraform's recorded plan+show seconds, and IaC-Eval intent verdicts on both plans.
//
//   npm run bench:plan [-- --limit N] [--rows 1,2,3] [--defaults assets/plan/provider-defaults.even.json.gz --odd-only]
//                      [--write-baseline] [--details]
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { logger } from '../src/core/logger.ts';
import { loadConfiguration } from '../src/terraform/load-module.ts';
import { synthesizePlan } from '../src/plan/synthesize.ts';
import { loadBundledSchemas } from '../src/schema/index.ts';
import { providerDefaultsFrom, bundledProviderDefaults, type ProviderDefaultsTable } from '../src/plan/provider-defaults.ts';
import { offlineOverrideFiles } from '../src/backends/offline-overrides.ts';
import { intentSatisfied } from '../src/bench/metrics/intent-verdict.ts';
import { RegoEngine } from '../src/rego/index.ts';

const root = join(import.meta.dirname, '..');
const shared = join(root, '..', 'shared', 'data', 'iac-eval');
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const limit = Number(option('--limit') ?? Infinity);
const onlyRows = option('--rows')?.split(',').map(Number);
const details = args.includes('--details');
const oddOnly = args.includes('--odd-only');
const defaultsFile = option('--defaults');

interface Row {
  index: number;
  reference_output: string;
  rego_intent: string;
}
interface TfRecord {
  index: number;
  plan_ok: boolean;
  plan_s: number;
  show_s: number;
}

const rows = new Map<number, Row>();
for (const line of readFileSync(join(shared, 'iac-eval.jsonl'), 'utf8').split('\n')) if (line.trim()) {
  const row = JSON.parse(line) as Row;
  rows.set(row.index, row);
}
const records = readFileSync(join(shared, 'terraform-1.11.4-references.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as TfRecord)
  .filter((r) => r.plan_ok && existsSync(join(shared, 'terraform-plans', `${r.index}.json`)))
  .filter((r) => !onlyRows || onlyRows.includes(r.index))
  .filter((r) => !oddOnly || r.index % 2 === 1)
  .slice(0, limit);

const schemas = loadBundledSchemas();
const defaults = defaultsFile
  ? providerDefaultsFrom(JSON.parse(gunzipSync(readFileSync(defaultsFile)).toString('utf8')) as ProviderDefaultsTable)
  : bundledProviderDefaults();

type Json = unknown;
const stable = (v: Json): string => JSON.stringify(sortDeep(v));
function sortDeep(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v && typeof v === 'object') {
    const out: Record<string, Json> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortDeep((v as Record<string, Json>)[k]);
    return out;
  }
  return v;
}

/** Paths where two JSON values differ (first few). */
function diffPaths(a: Json, b: Json, path = '', out: string[] = []): string[] {
  if (out.length > 20) return out;
  if (stable(a) === stable(b)) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) diffPaths((a as Record<string, Json>)[k], (b as Record<string, Json>)[k], `${path}.${Array.isArray(a) ? '*' : k}`, out);
    return out;
  }
  out.push(path || '.');
  return out;
}

interface Tally {
  total: number;
  equal: number;
}
const tally = (): Tally => ({ total: 0, equal: 0 });
const config = tally();
const values = tally();
const unknowns = tally();
const changes = tally();
const verdicts = tally();
const mismatchCategories = new Map<string, number>();
const verdictDiffs: string[] = [];
const note = (category: string) => mismatchCategories.set(category, (mismatchCategories.get(category) ?? 0) + 1);
let ourSeconds = 0;
let terraformSeconds = 0;
let errors = 0;

function collectConfigResources(module: Json, prefix: string, out: Map<string, Json>): void {
  const m = module as { resources?: Array<{ address: string }>; module_calls?: Record<string, { module: Json }> };
  for (const r of m.resources ?? []) out.set(prefix + r.address, r);
  for (const [name, call] of Object.entries(m.module_calls ?? {})) collectConfigResources(call.module, `${prefix}module.${name}.`, out);
}
function collectValues(module: Json, out: Map<string, Json>): void {
  const m = module as { resources?: Array<{ address: string }>; child_modules?: Json[] };
  for (const r of m.resources ?? []) out.set(r.address, r);
  for (const child of m.child_modules ?? []) collectValues(child, out);
}

const work = join(tmpdir(), `iacpac-bench-plan-${process.pid}`);
mkdirSync(work, { recursive: true });
try {
  for (const record of records) {
    const row = rows.get(record.index);
    if (!row) continue;
    const real = JSON.parse(readFileSync(join(shared, 'terraform-plans', `${record.index}.json`), 'utf8')) as Record<string, Json>;
    const dir = join(work, String(record.index));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'main.tf'), row.reference_output);
    for (const [name, text] of Object.entries(offlineOverrideFiles(row.reference_output))) writeFileSync(join(dir, name), text);

    const started = performance.now();
    let ours: Record<string, Json>;
    try {
      const configuration = await loadConfiguration(dir);
      ours = synthesizePlan(configuration, { schemas, defaults, timestamp: String(real.timestamp) }).plan as unknown as Record<string, Json>;
    } catch (error) {
      errors++;
      logger.err(`row ${record.index}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    ourSeconds += (performance.now() - started) / 1000;
    terraformSeconds += record.plan_s + record.show_s;

    // configuration resource entries
    const realConfig = new Map<string, Json>();
    const ourConfig = new Map<string, Json>();
    collectConfigResources((real.configuration as { root_module: Json }).root_module, '', realConfig);
    collectConfigResources((ours.configuration as { root_module: Json }).root_module, '', ourConfig);
    for (const [address, entry] of realConfig) {
      config.total++;
      const mine = ourConfig.get(address);
      if (stable(mine) === stable(entry)) config.equal++;
      else {
        for (const p of diffPaths(mine, entry)) note(`configuration ${(entry as { type: string }).type}${p}`);
        if (details) logger.out(`row ${record.index} configuration ${address}: ${diffPaths(mine, entry).join(' ')}`);
      }
    }

    // planned values (known values) and after_unknown
    const realValues = new Map<string, Json>();
    const ourValues = new Map<string, Json>();
    collectValues((real.planned_values as { root_module: Json }).root_module, realValues);
    collectValues((ours.planned_values as { root_module: Json }).root_module, ourValues);
    for (const [address, entry] of realValues) {
      values.total++;
      const mine = ourValues.get(address) as { values?: Json } | undefined;
      const theirs = entry as { values?: Json; type: string };
      if (mine && stable(mine.values ?? {}) === stable(theirs.values ?? {})) values.equal++;
      else {
        for (const p of diffPaths(mine?.values ?? (mine ? {} : '<missing>'), theirs.values ?? {})) note(`values ${theirs.type}${p}`);
        if (details) logger.out(`row ${record.index} values ${address}: ${diffPaths(mine?.values, theirs.values).join(' ')}`);
      }
    }

    // resource_changes addresses + actions
    const realChanges = new Map((real.resource_changes as Array<{ address: string; change: { actions: string[]; after_unknown: Json } }>).map((c) => [c.address, c]));
    const ourChanges = new Map(((ours.resource_changes ?? []) as Array<{ address: string; change: { actions: string[]; after_unknown: Json } }>).map((c) => [c.address, c]));
    for (const address of new Set([...realChanges.keys(), ...ourChanges.keys()])) {
      changes.total++;
      const a = ourChanges.get(address);
      const b = realChanges.get(address);
      if (a && b && a.change.actions.join() === b.change.actions.join()) changes.equal++;
      else note(`resource_changes ${address.replace(/\[.*$/, '')}: ${a ? a.change.actions.join() : 'missing'} vs ${b ? b.change.actions.join() : 'missing'}`);
      if (a && b) {
        unknowns.total++;
        if (stable(a.change.after_unknown) === stable(b.change.after_unknown)) unknowns.equal++;
        else {
          for (const p of diffPaths(a.change.after_unknown, b.change.after_unknown)) note(`after_unknown ${address.split('.').at(-2) ?? ''}${p}`);
        }
      }
    }

    // IaC-Eval intent verdicts on both plans
    try {
      // v0 unless the module imports rego.v1 (the engine's v0-compatible mode decides per module).
      const engine = new RegoEngine({ v0Compatible: true, limits: { timeoutMs: 5000 } });
      engine.addModule('intent.rego', row.rego_intent);
      const query = engine.prepare('data');
      const verdict = (input: Json) => intentSatisfied(query.evalValue({ input }));
      const onReal = verdict(real);
      const onOurs = verdict(ours);
      verdicts.total++;
      if (onReal === onOurs) verdicts.equal++;
      else verdictDiffs.push(`row ${record.index}: real ${onReal ? 'pass' : 'fail'}, synthesised ${onOurs ? 'pass' : 'fail'}`);
    } catch (error) {
      verdictDiffs.push(`row ${record.index}: intent not evaluated (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const pct = (t: Tally) => (t.total === 0 ? 'n/a' : `${((100 * t.equal) / t.total).toFixed(1)}%`);
logger.out(`rows compared: ${records.length - errors} (${errors} failed to load)`);
logger.out(`configuration resource entries equal: ${config.equal}/${config.total} = ${pct(config)} (target >= 98%)`);
logger.out(`planned_values known values equal:    ${values.equal}/${values.total} = ${pct(values)} (target >= 95%)`);
logger.out(`resource_changes address+actions:      ${changes.equal}/${changes.total} = ${pct(changes)} (target >= 99%)`);
logger.out(`resource_changes after_unknown equal:  ${unknowns.equal}/${unknowns.total} = ${pct(unknowns)}`);
logger.out(`IaC-Eval intent verdict same:          ${verdicts.equal}/${verdicts.total} = ${pct(verdicts)} (target >= 98%)`);
logger.out(
  `speed: synthesis ${ourSeconds.toFixed(2)} s vs terraform plan+show ${terraformSeconds.toFixed(0)} s (recorded) = ${(terraformSeconds / Math.max(ourSeconds, 1e-9)).toFixed(0)}x (target >= 200x)`,
);
const categories = [...mismatchCategories.entries()].sort((a, b) => b[1] - a[1]);
logger.out(`mismatch categories (${categories.length}):`);
for (const [category, count] of categories.slice(0, details ? 200 : 40)) logger.out(`  ${String(count).padStart(4)}  ${category}`);
if (verdictDiffs.length > 0) {
  logger.out('intent verdict differences:');
  for (const d of verdictDiffs) logger.out(`  ${d}`);
}
if (args.includes('--write-baseline')) {
  mkdirSync(join(root, 'bench', 'baselines'), { recursive: true });
  const baseline = {
    command: 'npm run bench:plan',
    rows: records.length - errors,
    configuration: config,
    planned_values: values,
    resource_changes: changes,
    after_unknown: unknowns,
    intent_verdicts: verdicts,
    synthesis_seconds: Number(ourSeconds.toFixed(3)),
    terraform_plan_show_seconds: Number(terraformSeconds.toFixed(1)),
    verdict_differences: verdictDiffs,
  };
  writeFileSync(join(root, 'bench', 'baselines', 'plan.json'), `${JSON.stringify(baseline, null, 2)}\n`);
}
