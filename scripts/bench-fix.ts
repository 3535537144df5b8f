// npm run bench:fix [-- --write] [--limit N] [--only mutations|references] [--verbose]
//
// Measures iacpac's deterministic repairs (src/fix/) on IaC-Eval:
// 1. the mutated references (scripts/mutate-references.ts; Terraform's verdicts in
//    bench/baselines/validate-mutations.jsonl): validator-driven repairs only; the share of broken scripts made valid
//    whose IaC-Eval intent verdict equals the original reference's, by mutation kind;
// 2. the 458 references: validator-driven repairs on the valid ones (no repair may turn a valid script invalid), and
//    policy-driven repairs with the intent verdict as the guard: findings of the policy library before and after,
//    validity and every intent verdict unchanged, by policy.
// --write updates bench/baselines/fix.json and (from a whole run) the fix section of docs/benchmarks.md. Reads ../shared (scripts may).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, type Analysis } from '../src/analysis/analyze.ts';
import { intentSatisfied } from '../src/bench/metrics/intent-verdict.ts';
import { fixConfiguration, type FixGuard } from '../src/fix/index.ts';
import { RegoEngine } from '../src/rego/index.ts';
import { Scanner } from '../src/scan/scanner.ts';
import { readJsonl, referenceFiles, writeFolder, SHARED } from './iac-eval-references.ts';
import { withSection } from './markdown-section.ts';
import { generateMutations, mutationHash, MUTATIONS_BASELINE, type MutationBaselineRow } from './mutate-references.ts';

interface Row {
  index: number;
  reference_output: string;
  rego_intent: string;
}

const args = process.argv.slice(2);
const write = args.includes('--write');
const verbose = args.includes('--verbose');
const limit = args.includes('--limit') ? Number(args[args.indexOf('--limit') + 1]) : Number.POSITIVE_INFINITY;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const root = join(import.meta.dirname, '..');
const rows = readJsonl<Row>(join(SHARED, 'data/iac-eval/iac-eval.jsonl'));
const byIndex = new Map(rows.map((r) => [r.index, r]));
const work = join(tmpdir(), `iacpac-bench-fix-${process.pid}`);
const scanner = new Scanner({ severity: 'info' });

/** IaC-Eval's verdict of a row's intent on a configuration's plan: true/false, null when it does not validate or plan. */
function intentVerdict(analysis: Analysis, regoIntent: string): boolean | null {
  if (!analysis.validation.valid || analysis.plan.diagnostics.some((d) => d.severity === 'error')) return null;
  const engine = new RegoEngine({ v0Compatible: true });
  try {
    engine.addModule('intent.rego', regoIntent);
    return intentSatisfied(analysis.evaluate(engine, 'data'));
  } catch {
    return false;
  }
}

const intentGuard = (regoIntent: string): FixGuard => ({ name: 'intent verdict', evaluate: (analysis) => intentVerdict(analysis, regoIntent), accept: (before, after) => before === after });

function percent(n: number, d: number): string {
  return d === 0 ? '-' : `${((100 * n) / d).toFixed(1)} %`;
}

const started = performance.now();
const report: Record<string, unknown> = { command: 'npm run bench:fix -- --write' };

if (only !== 'references') {
  const baseline = new Map(readJsonl<MutationBaselineRow>(join(root, MUTATIONS_BASELINE)).map((r) => [r.id, r]));
  const mutations = (await generateMutations()).filter((m) => baseline.get(m.id)?.sha === mutationHash(m)).slice(0, limit);
  const byKind = new Map<string, { total: number; valid: number; intentSame: number; repaired: number }>();
  const repairKinds = new Map<string, number>();
  let total = 0;
  let madeValid = 0;
  let intentSame = 0;
  const t0 = performance.now();
  for (const mutation of mutations) {
    const recorded = baseline.get(mutation.id)!;
    if (recorded.valid) continue;
    const row = byIndex.get(mutation.index)!;
    const dir = join(work, 'mutations', mutation.id);
    writeFolder(dir, mutation.files);
    const originalDir = join(work, 'originals', String(mutation.index));
    writeFolder(originalDir, { ...mutation.files, 'main.tf': row.reference_output });
    const expected = intentVerdict(await analyze(originalDir), row.rego_intent);
    const result = await fixConfiguration(dir, { only: 'validate', scanner });
    const verdict = result.after.valid ? intentVerdict(result.analysis, row.rego_intent) : null;
    const kind = byKind.get(mutation.kind) ?? { total: 0, valid: 0, intentSame: 0, repaired: 0 };
    kind.total++;
    total++;
    if (result.applied.length > 0) kind.repaired++;
    for (const repair of result.applied) repairKinds.set(repair.kind, (repairKinds.get(repair.kind) ?? 0) + 1);
    if (result.after.valid) {
      kind.valid++;
      madeValid++;
      if (verdict === expected) {
        kind.intentSame++;
        intentSame++;
      } else if (verbose) process.stdout.write(`${mutation.id}: valid, intent ${String(verdict)} (reference ${String(expected)})\n`);
    } else if (verbose) {
      process.stdout.write(`${mutation.id}: still invalid: ${result.diagnostics.find((d) => d.severity === 'error')?.summary ?? '?'}; tried ${result.rejected.map((r) => `${r.repair.kind} (${r.reason})`).join('; ') || 'nothing'}\n`);
    }
    byKind.set(mutation.kind, kind);
    rmSync(dir, { recursive: true, force: true });
  }
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(`mutated references: ${total} broken; made valid ${madeValid} (${percent(madeValid, total)}); valid with the reference's intent verdict ${intentSame} (${percent(intentSame, total)}); ${seconds.toFixed(1)} s\n`);
  for (const [kind, k] of [...byKind].sort()) process.stdout.write(`  ${kind.padEnd(32)} ${String(k.intentSame).padStart(3)}/${String(k.total).padEnd(3)} valid+intent (${k.valid} valid)\n`);
  report.mutations = {
    broken: total,
    made_valid: madeValid,
    valid_intent_unchanged: intentSame,
    share_valid_intent_unchanged: total ? intentSame / total : 0,
    seconds: Math.round(seconds * 10) / 10,
    by_kind: Object.fromEntries([...byKind].sort()),
    repairs_applied: Object.fromEntries([...repairKinds].sort((a, b) => b[1] - a[1])),
  };
}

if (only !== 'mutations') {
  const t0 = performance.now();
  let references = 0;
  let validBefore = 0;
  let validatorChanged = 0;
  let validatorBroke = 0;
  let findingsBefore = 0;
  let findingsAfter = 0;
  let validityChanged = 0;
  let intentChanged = 0;
  let repairedScripts = 0;
  const removedByPolicy = new Map<string, { before: number; after: number }>();
  const rejectedReasons = new Map<string, number>();
  for (const row of rows.slice(0, limit)) {
    references++;
    const dir = join(work, 'references', String(row.index));
    writeFolder(dir, referenceFiles(row.reference_output, false));
    const before = await analyze(dir);
    const valid = before.validation.valid;
    const intentBefore = intentVerdict(before, row.rego_intent);
    if (valid) {
      validBefore++;
      const validated = await fixConfiguration(dir, { only: 'validate', scanner });
      if (validated.applied.length > 0) {
        validatorChanged++;
        if (!validated.after.valid) validatorBroke++;
      }
    }
    const result = await fixConfiguration(dir, { only: 'security', scanner, guard: intentGuard(row.rego_intent) });
    const counts = (findings: Array<{ policy_id: string }>) => {
      const out = new Map<string, number>();
      for (const f of findings) out.set(f.policy_id, (out.get(f.policy_id) ?? 0) + 1);
      return out;
    };
    const beforeCounts = counts(before.scan(scanner).findings.filter((f) => !f.suppressed));
    const afterCounts = counts(result.findings);
    for (const id of new Set([...beforeCounts.keys(), ...afterCounts.keys()])) {
      const entry = removedByPolicy.get(id) ?? { before: 0, after: 0 };
      entry.before += beforeCounts.get(id) ?? 0;
      entry.after += afterCounts.get(id) ?? 0;
      removedByPolicy.set(id, entry);
    }
    findingsBefore += result.before.findings;
    findingsAfter += result.after.findings;
    if (result.applied.length > 0) repairedScripts++;
    if (result.after.valid !== valid) validityChanged++;
    const intentAfter = intentVerdict(result.analysis, row.rego_intent);
    if (intentAfter !== intentBefore) intentChanged++;
    for (const r of result.rejected) {
      const reason = r.reason.replace(/ on [^ ]+$/, '').replace(/IACPAC_[A-Z0-9_]+/g, '<id>');
      rejectedReasons.set(reason, (rejectedReasons.get(reason) ?? 0) + 1);
    }
    if (verbose && result.rejected.length > 0) process.stdout.write(`#${row.index}: ${result.rejected.map((r) => `${r.repair.description}: ${r.reason}`).join('; ')}\n`);
    rmSync(dir, { recursive: true, force: true });
  }
  const seconds = (performance.now() - t0) / 1000;
  const removed = findingsBefore - findingsAfter;
  process.stdout.write(
    `references: ${references} (${validBefore} valid); validator repairs changed ${validatorChanged} valid script(s), made ${validatorBroke} invalid; ` +
      `policy-driven repairs: findings ${findingsBefore} -> ${findingsAfter} (${percent(removed, findingsBefore)} removed) in ${repairedScripts} script(s); ` +
      `validity changed ${validityChanged}, intent verdict changed ${intentChanged}; ${seconds.toFixed(1)} s\n`,
  );
  const perPolicy = [...removedByPolicy].filter(([, v]) => v.before !== v.after || v.before > 0).sort((a, b) => b[1].before - b[1].after - (a[1].before - a[1].after) || b[1].before - a[1].before);
  for (const [id, v] of perPolicy.slice(0, verbose ? 400 : 40)) process.stdout.write(`  ${id.padEnd(22)} ${String(v.before).padStart(4)} -> ${String(v.after).padStart(4)}\n`);
  if (verbose) for (const [reason, n] of [...rejectedReasons].sort((a, b) => b[1] - a[1])) process.stdout.write(`  rejected ${n}: ${reason}\n`);
  report.references = {
    references,
    valid: validBefore,
    validator_repairs_changed_valid_scripts: validatorChanged,
    validator_repairs_made_invalid: validatorBroke,
    findings_before: findingsBefore,
    findings_after: findingsAfter,
    share_findings_removed: findingsBefore ? removed / findingsBefore : 0,
    scripts_repaired: repairedScripts,
    validity_changed: validityChanged,
    intent_changed: intentChanged,
    seconds: Math.round(seconds * 10) / 10,
    by_policy: Object.fromEntries(perPolicy.map(([id, v]) => [id, v])),
    rejected: Object.fromEntries([...rejectedReasons].sort((a, b) => b[1] - a[1])),
  };
}
rmSync(work, { recursive: true, force: true });
report.total_seconds = Math.round((performance.now() - started) / 100) / 10;

if (write) {
  mkdirSync(join(root, 'bench', 'baselines'), { recursive: true });
  writeFileSync(join(root, 'bench', 'baselines', 'fix.json'), `${JSON.stringify(report, null, 2)}\n`);
  if (only === undefined && limit === Number.POSITIVE_INFINITY) {
    const docs = join(root, 'docs', 'benchmarks.md');
    writeFileSync(docs, withSection(readFileSync(docs, 'utf8'), 'fix', docsSection(report)));
    process.stdout.write('wrote bench/baselines/fix.json and the fix section of docs/benchmarks.md\n');
  } else process.stdout.write('wrote bench/baselines/fix.json (docs/benchmarks.md only from a whole run)\n');
}

/** The fix section of docs/benchmarks.md, from this run's report. */
function docsSection(r: Record<string, unknown>): string {
  type Kind = { total: number; valid: number; intentSame: number; repaired: number };
  const m = r.mutations as { broken: number; made_valid: number; valid_intent_unchanged: number; by_kind: Record<string, Kind>; repairs_applied: Record<string, number> };
  const ref = r.references as { by_policy: Record<string, { before: number; after: number }> } & Record<
    'findings_before' | 'findings_after' | 'scripts_repaired' | 'validity_changed' | 'intent_changed' | 'valid' | 'validator_repairs_changed_valid_scripts' | 'validator_repairs_made_invalid',
    number
  >;
  const family = (provider: boolean) => {
    const kinds = Object.entries(m.by_kind).filter(([k]) => k.startsWith('provider-') === provider).map(([, v]) => v);
    const sum = (f: (k: Kind) => number) => kinds.reduce((n, k) => n + f(k), 0);
    return `${sum((k) => k.intentSame)}/${sum((k) => k.total)} (${percent(sum((k) => k.intentSame), sum((k) => k.total))})`;
  };
  const lines = [
    '## Deterministic repairs (`npm run bench:fix`)',
    '',
    'What `iacpac fix` (and `generate` before each LLM repair turn, and `bench --autofix`) repairs without a model, each',
    'repair kept only when a fresh analysis shows it better and nothing worse. Command: `npm run bench:fix -- --write`',
    `(whole run ${String(r.total_seconds)} s on a shared 2-core machine; writes \`bench/baselines/fix.json\` and this section).`,
    '',
    '| acceptance measure | result | target |',
    '|---|---|---|',
    `| mutated references (\`scripts/mutate-references.ts\`, Terraform's verdicts recorded): broken scripts made valid with the reference's IaC-Eval intent verdict, validator-driven repairs | **${m.valid_intent_unchanged}/${m.broken} (${percent(m.valid_intent_unchanged, m.broken)})**; made valid ${m.made_valid} | ≥ 60 % |`,
    `| of which the language mutations (misspellings, references, braces, functions, types, ...) | ${family(false)} | |`,
    `| of which the provider-check mutations (allowed values, ranges, CIDR, ARNs, argument combinations) | ${family(true)} | |`,
    `| the 458 references: failed-policy findings removed by policy-driven repairs (guard: the intent verdict) | **${ref.findings_before} → ${ref.findings_after} (${percent(ref.findings_before - ref.findings_after, ref.findings_before)} removed)** in ${ref.scripts_repaired} scripts | ≥ 50 % |`,
    `| ... validity changed / intent verdict changed by those repairs | ${ref.validity_changed} / ${ref.intent_changed} | 0 / 0 |`,
    `| no repair turns a valid script invalid: validator repairs on the ${ref.valid} valid references (changed / made invalid) | ${ref.validator_repairs_changed_valid_scripts} / **${ref.validator_repairs_made_invalid}** | 0 invalid |`,
    '',
    'By mutation kind (valid with the reference\'s intent verdict / broken variants, and all made valid):',
    '',
    '| mutation | valid + intent | valid |',
    '|---|---|---|',
    ...Object.entries(m.by_kind).map(([kind, k]) => `| ${kind} | ${k.intentSame}/${k.total} | ${k.valid} |`),
    '',
    `Repairs applied to the mutations: ${Object.entries(m.repairs_applied).map(([k, n]) => `${k} ${n}`).join(', ')}. The kinds left at 0 need a`,
    'value only the author knows (a dropped required argument, an undeclared variable or local, a wrong ARN, which of two',
    'conflicting arguments to keep, count or for_each): no repair guesses it; the model is asked instead. Moving aws 4.x',
    'inline `aws_s3_bucket` settings to their aws 5 resources has nothing to do here (the references already use aws 5\'s',
    'resources); `src/fix/validator-repairs/validator-repairs.test.ts` covers it.',
    '',
    'Policy-driven repairs on the references, findings before → after, the 15 policies with most removed:',
    '',
    '| policy | before | after |',
    '|---|---|---|',
    ...Object.entries(ref.by_policy).filter(([, v]) => v.before > v.after).slice(0, 15).map(([id, v]) => `| ${id} | ${v.before} | ${v.after} |`),
  ];
  return lines.join('\n');
}
// Some engines (hcl2json's Go runtime) keep the event loop alive; the measurement is done.
process.exit(0);
