// npm run bench:validate — the embedded validator against `terraform validate` (Terraform 1.11.4, aws 5.100.0):
//  1. the 458 IaC-Eval reference outputs (each as main.tf in its own folder, plus the version override the
//     recorded run used), compared with Terraform's results on the rows it could initialise;
//  2. the broken variants of scripts/mutate-references.ts, compared with bench/baselines/validate-mutations.jsonl:
//     one per reference of the general kinds, and one per reference that breaks one of the aws provider's own
//     argument checks (scripts/provider-checks/provider-check-mutators.ts), reported apart.
// Prints verdict agreement, first-error (summary + line) agreement where both say invalid, and the speed
// ratio against Terraform's recorded init+validate seconds (or a fresh run with --live).
//
//   tsx scripts/bench-validate.ts [--live] [--live-sample N] [--record] [--json] [--show-disagreements]
//   --live-sample N  also times a fresh terraform init+validate on N references spread over the dataset, side by
//                    side with the embedded validator on the same rows under the same machine load
//   --record  rewrites bench/baselines/validate-references.jsonl from ../shared plus a terraform run on the
//             rows Terraform called invalid (for their ranges)
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateWithCli } from '../src/backends/cli-validate.ts';
import { findBinary } from '../src/backends/find-binary.ts';
import type { ValidateResult } from '../src/core/diagnostics.ts';
import { loadBundledSchemas } from '../src/schema/bundled.ts';
import { validateDirectory } from '../src/validate/validate-directory.ts';
import {
  errorKey,
  firstError,
  readJsonl,
  readReferences,
  readTerraformResults,
  referenceFiles,
  writeFolder,
  type RecordedDiagnostic,
} from './iac-eval-references.ts';
import { MUTATIONS_BASELINE, generateMutations, mutationHash, type MutationBaselineRow } from './mutate-references.ts';

const REFERENCES_BASELINE = 'bench/baselines/validate-references.jsonl';

interface ReferenceBaselineRow {
  index: number;
  init_ok: boolean;
  version_override: boolean;
  valid: boolean;
  init_s: number;
  validate_s: number;
  diagnostics: RecordedDiagnostic[];
}

interface Comparison {
  rows: number;
  verdictAgree: number;
  bothInvalid: number;
  firstErrorAgree: number;
  disagreements: string[];
}

function compare(id: string, terraform: { valid: boolean; diagnostics: RecordedDiagnostic[] }, embedded: ValidateResult, c: Comparison): void {
  c.rows++;
  if (terraform.valid === embedded.valid) c.verdictAgree++;
  else {
    c.disagreements.push(`${id}: terraform ${terraform.valid ? 'valid' : `invalid [${errorKey(firstError(terraform.diagnostics))}]`}, embedded ${embedded.valid ? 'valid' : `invalid [${errorKey(firstError(embedded.diagnostics))}]`}`);
    return;
  }
  if (!terraform.valid) {
    c.bothInvalid++;
    const expected = errorKey(firstError(terraform.diagnostics));
    const actual = errorKey(firstError(embedded.diagnostics));
    if (expected === actual) c.firstErrorAgree++;
    else c.disagreements.push(`${id}: first error terraform [${expected}] embedded [${actual}]`);
  }
}

const empty = (): Comparison => ({ rows: 0, verdictAgree: 0, bothInvalid: 0, firstErrorAgree: 0, disagreements: [] });
const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

async function record(): Promise<void> {
  const results = readTerraformResults();
  const rows: ReferenceBaselineRow[] = [];
  const references = new Map(readReferences().map((r) => [r.index, r.reference_output]));
  const pluginDir = process.env.IACPAC_PLUGIN_DIR ?? '/opt/tf-plugins';
  for (const result of [...results.values()].sort((a, b) => a.index - b.index)) {
    let diagnostics: RecordedDiagnostic[] = (result.validate_diagnostics ?? []).map((d) => ({ severity: d.severity, summary: d.summary, detail: d.detail }));
    if (result.init_ok && !result.valid) {
      // The recorded diagnostics have no ranges: run terraform again on this row for them.
      const dir = mkdtempSync(join(tmpdir(), 'iacpac-record-'));
      writeFolder(dir, referenceFiles(references.get(result.index) ?? '', result.version_override));
      const fresh = await validateWithCli(dir, { engine: 'terraform', pluginDir, allowExec: true });
      rmSync(dir, { recursive: true, force: true });
      diagnostics = fresh.diagnostics.map((d) => ({ severity: d.severity, summary: d.summary, detail: d.detail, ...(d.range ? { range: d.range } : {}) }));
    }
    rows.push({
      index: result.index,
      init_ok: result.init_ok,
      version_override: result.version_override,
      valid: result.valid,
      init_s: result.init_s,
      validate_s: result.validate_s,
      diagnostics,
    });
  }
  mkdirSync('bench/baselines', { recursive: true });
  writeFileSync(REFERENCES_BASELINE, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  process.stdout.write(`wrote ${REFERENCES_BASELINE} (${rows.length} rows)\n`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = new Set(argv);
  const liveSample = args.has('--live-sample') ? Number(argv[argv.indexOf('--live-sample') + 1]) : 0;
  if (args.has('--record')) return record();
  const live = args.has('--live');
  if (live && !findBinary('terraform')) throw new Error('--live needs terraform on PATH');
  const baseline = readJsonl<ReferenceBaselineRow>(REFERENCES_BASELINE);
  const references = new Map(readReferences().map((r) => [r.index, r.reference_output]));
  const scratch = mkdtempSync(join(tmpdir(), 'iacpac-bench-validate-'));
  const schemas = loadBundledSchemas();

  // 1. References.
  const referenceComparison = empty();
  let embeddedSeconds = 0;
  let embeddedCpuSeconds = 0;
  let embeddedAllSeconds = 0;
  let terraformSeconds = 0;
  for (const row of baseline) {
    const dir = join(scratch, `ref-${row.index}`);
    writeFolder(dir, referenceFiles(references.get(row.index) ?? '', row.version_override));
    const started = performance.now();
    const cpu = process.cpuUsage();
    const embedded = await validateDirectory(dir, { schemas });
    const cpuUsed = process.cpuUsage(cpu);
    const seconds = (performance.now() - started) / 1000;
    embeddedAllSeconds += seconds;
    if (!row.init_ok) continue;
    embeddedSeconds += seconds;
    embeddedCpuSeconds += (cpuUsed.user + cpuUsed.system) / 1e6;
    let terraform = { valid: row.valid, diagnostics: row.diagnostics };
    if (live) {
      const run = performance.now();
      const fresh = await validateWithCli(dir, { engine: 'terraform', pluginDir: process.env.IACPAC_PLUGIN_DIR ?? '/opt/tf-plugins', allowExec: true });
      terraformSeconds += (performance.now() - run) / 1000;
      terraform = { valid: fresh.valid, diagnostics: fresh.diagnostics };
    } else terraformSeconds += row.init_s + row.validate_s;
    compare(`reference ${row.index}`, terraform, embedded, referenceComparison);
  }

  // 1b. Side by side on a sample, under the same load.
  let sample: { rows: number; embedded: number; terraform: number } | undefined;
  if (liveSample > 0) {
    if (!findBinary('terraform')) throw new Error('--live-sample needs terraform on PATH');
    const initialised = baseline.filter((row) => row.init_ok);
    const step = Math.max(1, Math.floor(initialised.length / liveSample));
    sample = { rows: 0, embedded: 0, terraform: 0 };
    for (let i = 0; i < initialised.length && sample.rows < liveSample; i += step) {
      const row = initialised[i] as ReferenceBaselineRow;
      const dir = join(scratch, `ref-${row.index}`);
      let started = performance.now();
      await validateDirectory(dir, { schemas });
      sample.embedded += (performance.now() - started) / 1000;
      started = performance.now();
      await validateWithCli(dir, { engine: 'terraform', pluginDir: process.env.IACPAC_PLUGIN_DIR ?? '/opt/tf-plugins', allowExec: true });
      sample.terraform += (performance.now() - started) / 1000;
      sample.rows++;
    }
  }

  // 2. Mutations (the provider-check variants, which break the provider's own argument checks, apart).
  const mutationComparison = empty();
  const providerComparison = empty();
  let stale = 0;
  if (existsSync(MUTATIONS_BASELINE)) {
    const recorded = new Map(readJsonl<MutationBaselineRow>(MUTATIONS_BASELINE).map((r) => [r.id, r]));
    for (const mutation of await generateMutations()) {
      const row = recorded.get(mutation.id);
      if (!row) continue;
      if (row.sha !== mutationHash(mutation)) {
        stale++;
        continue;
      }
      const dir = join(scratch, `mut-${mutation.id}`);
      writeFolder(dir, mutation.files);
      const embedded = await validateDirectory(dir, { schemas });
      const target = mutation.kind.startsWith('provider-') ? providerComparison : mutationComparison;
      compare(`mutation ${mutation.id} (${mutation.description})`, { valid: row.valid, diagnostics: row.diagnostics }, embedded, target);
    }
  }
  rmSync(scratch, { recursive: true, force: true });

  const summary = {
    references: {
      rows_terraform_initialised: referenceComparison.rows,
      verdict_agreement: referenceComparison.verdictAgree / Math.max(1, referenceComparison.rows),
      both_invalid: referenceComparison.bothInvalid,
      first_error_agreement: referenceComparison.bothInvalid ? referenceComparison.firstErrorAgree / referenceComparison.bothInvalid : null,
      embedded_seconds: embeddedSeconds,
      embedded_cpu_seconds: embeddedCpuSeconds,
      load_average: loadavg()[0],
      embedded_seconds_all_458: embeddedAllSeconds,
      terraform_seconds: terraformSeconds,
      terraform_seconds_source: live ? 'live' : 'recorded init_s + validate_s',
      speedup: terraformSeconds / Math.max(embeddedSeconds, 1e-9),
      speedup_cpu: terraformSeconds / Math.max(embeddedCpuSeconds, 1e-9),
      live_sample: sample ? { ...sample, speedup: sample.terraform / Math.max(sample.embedded, 1e-9) } : null,
    },
    mutations: {
      variants: mutationComparison.rows,
      stale_baseline_rows: stale,
      verdict_agreement: mutationComparison.verdictAgree / Math.max(1, mutationComparison.rows),
      both_invalid: mutationComparison.bothInvalid,
      first_error_agreement: mutationComparison.bothInvalid ? mutationComparison.firstErrorAgree / mutationComparison.bothInvalid : null,
    },
    provider_check_mutations: {
      variants: providerComparison.rows,
      verdict_agreement: providerComparison.verdictAgree / Math.max(1, providerComparison.rows),
      both_invalid: providerComparison.bothInvalid,
      first_error_agreement: providerComparison.bothInvalid ? providerComparison.firstErrorAgree / providerComparison.bothInvalid : null,
    },
  };
  if (args.has('--json')) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  const r = referenceComparison;
  const m = mutationComparison;
  const p = providerComparison;
  const lines = [
    `IaC-Eval references (${r.rows} rows Terraform could initialise, of ${baseline.length}):`,
    `  verdict agreement      ${r.verdictAgree}/${r.rows} = ${pct(r.verdictAgree, r.rows)}`,
    `  first error agreement  ${r.firstErrorAgree}/${r.bothInvalid} = ${pct(r.firstErrorAgree, r.bothInvalid)} (rows both call invalid; earliest error by position, summary + line)`,
    `  time                   embedded ${embeddedSeconds.toFixed(2)} s wall (${embeddedCpuSeconds.toFixed(2)} s CPU) vs terraform init+validate ${terraformSeconds.toFixed(0)} s (${live ? 'live' : 'recorded'})`,
    `  speed ratio            ${summary.references.speedup.toFixed(0)}x faster by wall time, ${summary.references.speedup_cpu.toFixed(0)}x by CPU time (load average ${loadavg()[0]?.toFixed(1)} while measuring)`,
    ...(sample
      ? [`  live side by side      ${sample.rows} rows: embedded ${sample.embedded.toFixed(2)} s vs terraform init+validate ${sample.terraform.toFixed(1)} s now = ${(sample.terraform / Math.max(sample.embedded, 1e-9)).toFixed(0)}x faster`]
      : []),
    `Mutations (${m.rows} broken variants with a terraform baseline${stale ? `, ${stale} stale rows skipped` : ''}):`,
    `  verdict agreement      ${m.verdictAgree}/${m.rows} = ${pct(m.verdictAgree, m.rows)}`,
    `  first error agreement  ${m.firstErrorAgree}/${m.bothInvalid} = ${pct(m.firstErrorAgree, m.bothInvalid)}`,
    `Provider-check mutations (${p.rows} variants breaking the provider's own argument checks, with a terraform baseline):`,
    `  verdict agreement      ${p.verdictAgree}/${p.rows} = ${pct(p.verdictAgree, p.rows)}`,
    `  first error agreement  ${p.firstErrorAgree}/${p.bothInvalid} = ${pct(p.firstErrorAgree, p.bothInvalid)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (args.has('--show-disagreements')) {
    for (const line of [...r.disagreements, ...m.disagreements, ...p.disagreements]) process.stdout.write(`  ${line}\n`);
  }
}

await main();
