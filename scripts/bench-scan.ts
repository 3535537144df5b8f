// npm run bench:scan [-- --write] : scans all 458 IaC-Eval reference outputs with the embedded policy library and
// compares with Checkov 3.3.13's recorded failures on (row, check id, resource address), for the Checkov ids our
// policies cross-reference. Prints precision/recall overall and per check id, and the batch time against Checkov's.
// --write also updates bench/baselines/scan.json and the scan section of docs/benchmarks.md.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fork } from 'node:child_process';

interface Row {
  index: number;
  reference_output: string;
}
interface CheckovRow {
  index: number;
  failed: Array<{ check_id: string; resource: string }>;
}

const shared = join(import.meta.dirname, '..', '..', 'shared', 'data');
const root = join(import.meta.dirname, '..');
const write = process.argv.includes('--write');
const only = process.argv.find((a) => a.startsWith('--check='))?.slice('--check='.length);
const verbose = process.argv.includes('--verbose');
const jobsArg = process.argv.find((a) => a.startsWith('--jobs='))?.slice('--jobs='.length);
const jobs = Math.max(1, Number(jobsArg ?? availableParallelism()));

const rows = readJsonl<Row>(join(shared, 'iac-eval', 'iac-eval.jsonl'));
const checkov = new Map(readJsonl<CheckovRow>(join(shared, 'iac-eval', 'checkov-3.3.13-references.jsonl')).map((r) => [r.index, r]));
const checkovBaseline = JSON.parse(readFileSync(join(root, 'bench', 'baselines', 'scan-checkov.json'), 'utf8')) as { batch_seconds: number };

// Materialise every reference as <tmp>/<index>/main.tf, as Checkov saw it.
const work = join(tmpdir(), `iacpac-bench-scan-${process.pid}`);
for (const row of rows) {
  mkdirSync(join(work, String(row.index)), { recursive: true });
  writeFileSync(join(work, String(row.index), 'main.tf'), row.reference_output);
}

// The workers run the bundled code, as the package ships it (esbuild, like scripts/build.mjs), not through tsx.
const { build } = await import('esbuild');
const workerBundle = join(root, '.scratch', 'bench-scan-worker.mjs');
await build({
  entryPoints: [join(root, 'scripts', 'bench-scan-worker.ts')],
  outfile: workerBundle,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});

// V8 flags of the workers, tuned for a batch of a few seconds (measured on this batch, 2 workers: 6.5 s -> 4.6 s CPU):
// --liftoff-only: HCL's syntax check runs HashiCorp's Go parser compiled to WebAssembly, and V8's default tier-up
//   recompiles its large hot functions with TurboFan on background threads, which costs more CPU than the faster
//   code saves over a few hundred files;
// --no-opt: the same for JavaScript: TurboFan's optimising compiles (and deoptimisations) cost more than they save
//   in a run this short; Ignition + Sparkplug code runs the batch with less CPU in total.
const workerFlags = ['--liftoff-only', '--no-opt'];

// The batch: `jobs` worker processes (one per core by default), each compiling the library once and scanning its share.
const loadBefore = loadavg()[0] ?? 0;
const t0 = performance.now();
interface WorkerResult {
  cpuSeconds: number;
  startupCpuSeconds: number;
  compileCpuSeconds: number;
  results: Array<{ row: number; pairs: Array<[string, string]>; policyErrors: string[]; error?: string }>;
  policies: Array<{ id: string; checkov: string[] }>;
}
const shares = Array.from({ length: jobs }, (_, j) => rows.filter((_, i) => i % jobs === j).map((r) => r.index));
const outputs = await Promise.all(
  shares.map(
    (share) =>
      new Promise<WorkerResult>((resolve, reject) => {
        const child = fork(workerBundle, [JSON.stringify({ work, rows: share })], { execArgv: workerFlags });
        child.once('message', (message) => resolve(message as WorkerResult));
        child.once('error', reject);
        child.once('exit', (code) => {
          if (code !== 0) reject(new Error(`bench-scan worker exited with ${code}`));
        });
      }),
  ),
);
const seconds = (performance.now() - t0) / 1000;
rmSync(work, { recursive: true, force: true });

const ours = new Set<string>();
const errors: string[] = [];
const policyErrors: string[] = [];
for (const output of outputs) {
  for (const r of output.results) {
    if (r.error) errors.push(`row ${r.row}: ${r.error}`);
    for (const e of r.policyErrors) policyErrors.push(`row ${r.row}: ${e}`);
    for (const [id, resource] of r.pairs) ours.add(key(r.row, id, resource));
  }
}
const policies = outputs[0]?.policies ?? [];
const cpuSeconds = outputs.reduce((n, o) => n + o.cpuSeconds, 0);
const cpuRatio = cpuSeconds / checkovBaseline.batch_seconds;

// The policy evaluation alone, on the real `terraform show -json` plans of the references (no HCL loading or synthesis).
const { Scanner } = await import('../src/scan/scanner.ts');
const planDir = join(shared, 'iac-eval', 'terraform-plans');
const planFiles = rows.map((r) => join(planDir, `${r.index}.json`)).filter((f) => existsSync(f));
const planCpu0 = process.cpuUsage();
const planT0 = performance.now();
const planScanner = new Scanner({});
for (const file of planFiles) planScanner.scanPlan(JSON.parse(readFileSync(file, 'utf8')), file);
const planSeconds = (performance.now() - planT0) / 1000;
const planCpuUsage = process.cpuUsage(planCpu0);
const planCpuSeconds = (planCpuUsage.user + planCpuUsage.system) / 1e6;

const covered = new Set(policies.flatMap((p) => p.checkov));
const theirs = new Set<string>();
for (const row of checkov.values()) for (const f of row.failed) if (covered.has(f.check_id)) theirs.add(key(row.index, f.check_id, f.resource));
const allCheckovIds = new Set([...checkov.values()].flatMap((r) => r.failed.map((f) => f.check_id)));

interface Stat {
  tp: number;
  fp: number;
  fn: number;
}
const perCheck = new Map<string, Stat>();
const stat = (id: string): Stat => perCheck.get(id) ?? (perCheck.set(id, { tp: 0, fp: 0, fn: 0 }).get(id) as Stat);
for (const k of ours) {
  const id = k.split('|')[1] as string;
  if (theirs.has(k)) stat(id).tp++;
  else stat(id).fp++;
}
for (const k of theirs) if (!ours.has(k)) stat(k.split('|')[1] as string).fn++;

const total = [...perCheck.values()].reduce((a, s) => ({ tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn }), { tp: 0, fp: 0, fn: 0 });
const pct = (n: number, d: number): string => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);
const precision = (s: Stat): string => pct(s.tp, s.tp + s.fp);
const recall = (s: Stat): string => pct(s.tp, s.tp + s.fn);

const ids = [...perCheck.keys()].sort((a, b) => {
  const sa = perCheck.get(a) as Stat;
  const sb = perCheck.get(b) as Stat;
  return sb.tp + sb.fn - (sa.tp + sa.fn) || a.localeCompare(b);
});
const lines: string[] = [];
lines.push(`| Checkov id | our policy | Checkov failures | ours | agree | precision | recall |`);
lines.push(`|---|---|---:|---:|---:|---:|---:|`);
const policyFor = new Map<string, string>();
for (const p of policies) for (const id of p.checkov) if (!policyFor.has(id)) policyFor.set(id, p.id);
for (const id of ids) {
  const s = perCheck.get(id) as Stat;
  lines.push(`| ${id} | ${policyFor.get(id) ?? ''} | ${s.tp + s.fn} | ${s.tp + s.fp} | ${s.tp} | ${precision(s)} | ${recall(s)} |`);
}
const missingIds = [...allCheckovIds].filter((id) => !covered.has(id)).sort();
const ratio = seconds / checkovBaseline.batch_seconds;
const summary = [
  `rows scanned: ${rows.length - errors.length}/${rows.length} (${errors.length} could not be loaded)`,
  `policies: ${policies.length}; Checkov ids cross-referenced: ${covered.size}; Checkov ids failing on the references: ${allCheckovIds.size} (${allCheckovIds.size - missingIds.length} covered)`,
  `findings compared (row, check id, resource): ours ${total.tp + total.fp}, Checkov ${total.tp + total.fn}, agree ${total.tp}`,
  `precision ${precision(total)}  recall ${recall(total)}`,
  `batch time: ${seconds.toFixed(2)} s for ${rows.length} folders with ${jobs} worker process${jobs === 1 ? '' : 'es'} (node ${workerFlags.join(' ')}; process start, module loading, policy compilation, load + plan + scan included) vs Checkov ${checkovBaseline.batch_seconds} s -> ratio ${ratio.toFixed(3)} (1/${(1 / ratio).toFixed(1)})`,
  `policy evaluation alone on the ${planFiles.length} real plan JSON files (one process, compilation included): ${planSeconds.toFixed(2)} s wall, ${planCpuSeconds.toFixed(2)} s CPU -> ${(planCpuSeconds / checkovBaseline.batch_seconds).toFixed(3)} of Checkov's batch time`,
  `CPU time of the batch: ${cpuSeconds.toFixed(2)} s summed over the workers (module loading ${outputs.reduce((n, o) => n + o.startupCpuSeconds, 0).toFixed(2)} s, policy compilation ${outputs.reduce((n, o) => n + o.compileCpuSeconds, 0).toFixed(2)} s) (what the batch costs on an idle machine, whatever the load) -> ${cpuRatio.toFixed(3)} of Checkov's batch time (1/${(1 / cpuRatio).toFixed(1)})`,
  `machine: ${availableParallelism()} cores, 1-minute load average ${loadBefore.toFixed(1)} before and ${(loadavg()[0] ?? 0).toFixed(1)} after the run (wall times grow with the load of other processes; the CPU times much less)`
];
process.stdout.write(`${only ? '' : `${lines.join('\n')}\n\n`}${summary.join('\n')}\n`);
if (missingIds.length) process.stdout.write(`Checkov ids without a policy: ${missingIds.join(', ')}\n`);
if (errors.length) process.stdout.write(`load errors:\n  ${errors.join('\n  ')}\n`);
if (policyErrors.length) process.stdout.write(`policy errors (${policyErrors.length}):\n  ${policyErrors.slice(0, 20).join('\n  ')}\n`);
if (verbose || only) {
  for (const k of [...ours].filter((x) => !theirs.has(x) && (!only || x.includes(`|${only}|`))).sort()) process.stdout.write(`FP ${k}\n`);
  for (const k of [...theirs].filter((x) => !ours.has(x) && (!only || x.includes(`|${only}|`))).sort()) process.stdout.write(`FN ${k}\n`);
}

if (write) {
  const baseline = {
    command: 'npm run bench:scan -- --write',
    rows: rows.length,
    rows_loaded: rows.length - errors.length,
    policies: policies.length,
    jobs,
    worker_node_flags: workerFlags,
    checkov_ids_cross_referenced: covered.size,
    checkov_ids_failing: allCheckovIds.size,
    checkov_ids_without_policy: missingIds,
    compared: { ours: total.tp + total.fp, checkov: total.tp + total.fn, agree: total.tp },
    precision: total.tp / (total.tp + total.fp),
    recall: total.tp / (total.tp + total.fn),
    batch_seconds: Number(seconds.toFixed(2)),
    checkov_batch_seconds: checkovBaseline.batch_seconds,
    time_ratio: Number(ratio.toFixed(4)),
    cpu_seconds: Number(cpuSeconds.toFixed(2)),
    cpu_time_ratio: Number(cpuRatio.toFixed(4)),
    plan_json_files: planFiles.length,
    plan_json_scan_seconds: Number(planSeconds.toFixed(2)),
    plan_json_scan_cpu_seconds: Number(planCpuSeconds.toFixed(2)),
    per_check: Object.fromEntries(ids.map((id) => [id, perCheck.get(id)])),
  };
  writeFileSync(join(root, 'bench', 'baselines', 'scan.json'), `${JSON.stringify(baseline, null, 2)}\n`);
  const docPath = join(root, 'docs', 'benchmarks.md');
  const doc = readFileSync(docPath, 'utf8');
  const start = doc.indexOf('<!-- section:scan -->');
  const end = doc.indexOf('<!-- /section:scan -->');
  if (start >= 0 && end > start) {
    const notesPath = join(root, 'bench', 'baselines', 'scan-notes.md');
    let notes = '';
    try {
      notes = readFileSync(notesPath, 'utf8').trim();
    } catch {
      notes = '';
    }
    const body = [
      '<!-- section:scan -->',
      '## Security scanning (`npm run bench:scan`)',
      '',
      'All 458 IaC-Eval reference outputs, each written as `main.tf` in its own folder (as Checkov saw them), scanned by the',
      'embedded policy library through the synthesised plan, and compared with Checkov 3.3.13\'s recorded failures',
      '(`../shared/data/iac-eval/checkov-3.3.13-references.jsonl`) on (row, Checkov id, resource address) for every Checkov id',
      'our policies cross-reference. Generated by `npm run bench:scan -- --write` (numbers also in `bench/baselines/scan.json`).',
      '',
      ...summary.map((s) => `- ${s}`),
      '',
      lines.join('\n'),
      '',
      notes,
      '<!-- /section:scan -->',
    ].join('\n');
    writeFileSync(docPath, doc.slice(0, start) + body + doc.slice(end + '<!-- /section:scan -->'.length));
  }
}

/** Checkov names data sources without the `data.` prefix (aws_iam_policy_document.x); compare on that form. */
function key(row: number, id: string, resource: string): string {
  return `${row}|${id}|${resource.replace(/(^|\.)data\./, '$1')}`;
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}
