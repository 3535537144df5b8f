// npm run bench:rego [-- --conformance <dir>] [--json out.json]
// 1. total time of OPA's conformance suite on the embedded engine;
// 2. all 458 IaC-Eval `rego_intent` policies (Rego v0): parse + compile, then evaluate each against the real
//    `terraform show -json` plan of its own reference output (one PreparedQuery per policy, query `data`).
//    IaC-Eval's verdict: the intent is satisfied iff evaluation succeeds and the value tree has no `false` leaf.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegoEngine, parseJSON } from '../src/rego/index.ts';
import { runConformance, summarize } from '../src/rego/conformance.ts';
import { RegoObject, type RegoValue } from '../src/rego/value.ts';
import { logger } from '../src/core/logger.ts';
import { intentSatisfied } from '../src/bench/metrics/intent-verdict.ts';
import { Evaluator } from '../src/rego/eval/evaluator.ts';
import { EvalContext } from '../src/rego/eval/context.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const shared = opt('--shared', '../shared/data');
const confDir = opt('--conformance', join(shared, 'opa-conformance/v1'));
const jsonOut = args.includes('--json') ? opt('--json', '') : undefined;
const skipConformance = args.includes('--no-conformance');
const explain = args.includes('--explain');
const synthesized = args.includes('--synthesized');

// IaC-Eval's verdict rule (evaluation/eval.py: `False in leaves` of the `data` value) is shared with the bench:
// src/bench/metrics/intent-verdict.ts.

if (!skipConformance) {
  const t0 = performance.now();
  const results = runConformance(confDir);
  const ms = performance.now() - t0;
  logger.out(`conformance: ${summarize(results).line} in ${(ms / 1000).toFixed(2)} s`);
}

interface Row {
  index: number;
  rego_intent: string;
  reference_output: string;
  extra_files?: Record<string, string> | null;
}
const rows = readFileSync(join(shared, 'iac-eval/iac-eval.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Row);

// read the plans first: the timing below is compile + evaluation only
const plans = new Map<number, RegoValue>();
const tRead = performance.now();
for (const r of rows) {
  const p = join(shared, 'iac-eval/terraform-plans', `${r.index}.json`);
  if (existsSync(p)) plans.set(r.index, parseJSON(readFileSync(p, 'utf8')));
}
const readMs = performance.now() - tRead;

interface Outcome {
  index: number;
  compiled: boolean;
  error?: string;
  plan: boolean;
  satisfied?: boolean;
  falseRules?: string[];
  /** For each false rule: the first body expression after which the rule has no solution. */
  firstFailures?: string[];
}

/** Evaluate growing prefixes of each false rule's body to find the first condition the plan does not meet. */
function firstFailures(engine: RegoEngine, input: RegoValue, falseRules: string[]): string[] {
  const program = engine.compile();
  const ev = new Evaluator(program, engine.baseData, { builtins: engine.builtins });
  const ctx = new EvalContext(input, [], new Map());
  const out: string[] = [];
  for (const path of falseRules) {
    const node = program.root.find(path.split('.'));
    for (const r of node?.rules ?? []) {
      for (let n = 1; n <= r.body.length; n++) {
        let ok = false;
        ev.evalBody(ctx, r.body.slice(0, n), 0, new Map(), () => {
          ok = true;
          return true;
        });
        if (!ok) {
          out.push(`${path.split('.').pop()}: \`${(r.body[n - 1]!.loc.text ?? '').replace(/\s+/g, ' ')}\``);
          break;
        }
      }
    }
  }
  return out;
}
const outcomes: Outcome[] = [];
const t1 = performance.now();
for (const r of rows) {
  const o: Outcome = { index: r.index, compiled: false, plan: plans.has(r.index) };
  outcomes.push(o);
  let q;
  const engine = new RegoEngine({ v0Compatible: true, limits: { timeoutMs: 5000 } });
  try {
    engine.addModule(`intent-${r.index}.rego`, r.rego_intent);
    q = engine.prepare('data');
    o.compiled = true;
  } catch (error) {
    o.error = (error as Error).message.split('\n').slice(0, 3).join(' | ');
    continue;
  }
  const plan = plans.get(r.index);
  if (plan === undefined) continue;
  try {
    const value = q.evalValue({ inputValue: plan });
    o.satisfied = intentSatisfied(value);
    if (!o.satisfied && value !== undefined) o.falseRules = falsePaths(value, []);
    if (explain && o.falseRules?.length) o.firstFailures = firstFailures(engine, plan, o.falseRules);
  } catch (error) {
    o.satisfied = false;
    o.error = (error as Error).message.split('\n')[0];
  }
}
const evalMs = performance.now() - t1;

function falsePaths(v: RegoValue, path: string[]): string[] {
  if (v === false) return [path.join('.')];
  if (v instanceof RegoObject) return [...v.entries()].flatMap(([k, x]) => falsePaths(x, [...path, String(k)]));
  return [];
}

const compiled = outcomes.filter((o) => o.compiled).length;
const withPlan = outcomes.filter((o) => o.plan && o.compiled);
const satisfied = withPlan.filter((o) => o.satisfied).length;
logger.out(`iac-eval intents: ${compiled}/${rows.length} parse+compile (v0)`);
logger.out(`iac-eval intents: ${satisfied}/${withPlan.length} reference plans satisfy their own intent`);
logger.out(`iac-eval: compile+eval of ${rows.length} intents (${withPlan.length} evaluated) in ${(evalMs / 1000).toFixed(2)} s (plan JSON read: ${(readMs / 1000).toFixed(2)} s)`);
for (const o of outcomes) if (!o.compiled) logger.out(`  compile error #${o.index}: ${o.error ?? ''}`);
if (explain)
  for (const o of outcomes)
    if (o.plan && o.compiled && !o.satisfied)
      logger.out(`  row ${o.index}: ${o.error ?? ''}${(o.firstFailures ?? []).join(' ; ') || (o.falseRules?.length ? '' : 'decision rules true; a false/0 leaf inside a partial-set element')}`);
if (synthesized) await synthesizedPlans();
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(outcomes, null, 1));

/**
 * The same verdicts on plans synthesised by iacpac's own plan synthesizer (src/plan) from each reference output,
 * for all 458 rows (also those Terraform could not plan offline), compared with the verdicts on real plans.
 */
async function synthesizedPlans(): Promise<void> {
  const { mkdtempSync, rmSync, writeFileSync: write } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { loadConfiguration } = await import('../src/terraform/load-module.ts');
  const { synthesizePlan } = await import('../src/plan/index.ts');
  const { offlineOverrideFiles } = await import('../src/backends/offline-overrides.ts');
  let planned = 0;
  let ok = 0;
  let agree = 0;
  let both = 0;
  const disagreements: number[] = [];
  const t0 = performance.now();
  for (const r of rows) {
    const dir = mkdtempSync(join(tmpdir(), 'iacpac-rego-synth-'));
    try {
      write(join(dir, 'main.tf'), r.reference_output);
      for (const [name, text] of Object.entries(r.extra_files ?? {})) if (!name.includes('/')) write(join(dir, name), text);
      for (const [name, text] of Object.entries(offlineOverrideFiles(r.reference_output))) write(join(dir, name), text);
      const { plan } = synthesizePlan(await loadConfiguration(dir, { env: {} }));
      planned++;
      const engine = new RegoEngine({ v0Compatible: true, limits: { timeoutMs: 5000 } });
      engine.addModule(`intent-${r.index}.rego`, r.rego_intent);
      const value = engine.prepare('data').evalValue({ inputValue: parseJSON(JSON.stringify(plan)) });
      const satisfied = intentSatisfied(value);
      if (satisfied) ok++;
      const real = outcomes.find((o) => o.index === r.index);
      if (real?.satisfied !== undefined) {
        both++;
        if (real.satisfied === satisfied) agree++;
        else disagreements.push(r.index);
      }
    } catch {
      // not synthesisable (reported by bench:plan)
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  logger.out(`synthesised plans: ${planned}/${rows.length} rows planned, ${ok} satisfy their intent; verdict equals the real plan's on ${agree}/${both} rows (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  if (disagreements.length) logger.out(`  verdict differs from the real plan on rows: ${disagreements.join(', ')}`);
}
