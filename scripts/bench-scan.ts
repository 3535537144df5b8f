// npm run bench:scan [-- --write] : scans all 458 IaC-Eval reference outputs with the embedded policy library and
// compares with Checkov 3.3.13's recorded failures on (row, check id, resource address), for the Checkov ids our
// policies cross-reference. Prints precision/recall overall and per check id, and the batch time against Checkov's.
// --write also updates bench/baselines/scan.json and the scan section of docs/benchmarks.md.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Scanner } from '../src/scan/scanner.ts';

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

const rows = readJsonl<Row>(join(shared, 'iac-eval', 'iac-eval.jsonl'));
const checkov = new Map(readJsonl<CheckovRow>(join(shared, 'iac-eval', 'checkov-3.3.13-references.jsonl')).map((r) => [r.index, r]));
const checkovBaseline = JSON.parse(readFileSync(join(root, 'bench', 'baselines', 'scan-checkov.json'), 'utf8')) as { batch_seconds: number };

// Materialise every reference as <tmp>/<index>/main.tf, as Checkov saw it.
const work = join(tmpdir(), `iacpac-bench-scan-${process.pid}`);
for (const row of rows) {
  mkdirSync(join(work, String(row.index)), { recursive: true });
  writeFileSync(join(work, String(row.index), 'main.tf'), row.reference_output);
}

const t0 = performance.now();
const scanner = new Scanner({});
const compileMs = performance.now() - t0;
const ours = new Set<string>();
const errors: string[] = [];
const policyErrors: string[] = [];
for (const row of rows) {
  try {
    const result = await scanner.scanDirectory(join(work, String(row.index)));
    for (const f of result.findings) {
      if (f.severity === 'error') policyErrors.push(`row ${row.index}: ${f.policy_id}: ${f.message}`);
      for (const id of f.references.checkov ?? []) ours.add(key(row.index, id, f.resource));
    }
  } catch (error) {
    errors.push(`row ${row.index}: ${(error as Error).message.split('\n')[0]}`);
  }
}
const seconds = (performance.now() - t0) / 1000;
rmSync(work, { recursive: true, force: true });

const covered = new Set(scanner.policies.flatMap((p) => p.references.checkov ?? []));
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
for (const p of scanner.policies) for (const id of p.references.checkov ?? []) if (!policyFor.has(id)) policyFor.set(id, p.id);
for (const id of ids) {
  const s = perCheck.get(id) as Stat;
  lines.push(`| ${id} | ${policyFor.get(id) ?? ''} | ${s.tp + s.fn} | ${s.tp + s.fp} | ${s.tp} | ${precision(s)} | ${recall(s)} |`);
}
const missingIds = [...allCheckovIds].filter((id) => !covered.has(id)).sort();
const ratio = seconds / checkovBaseline.batch_seconds;
const summary = [
  `rows scanned: ${rows.length - errors.length}/${rows.length} (${errors.length} could not be loaded)`,
  `policies: ${scanner.policies.length}; Checkov ids cross-referenced: ${covered.size}; Checkov ids failing on the references: ${allCheckovIds.size} (${allCheckovIds.size - missingIds.length} covered)`,
  `findings compared (row, check id, resource): ours ${total.tp + total.fp}, Checkov ${total.tp + total.fn}, agree ${total.tp}`,
  `precision ${precision(total)}  recall ${recall(total)}`,
  `batch time: ${seconds.toFixed(2)} s (policy compile ${(compileMs / 1000).toFixed(2)} s) vs Checkov ${checkovBaseline.batch_seconds} s -> ratio ${ratio.toFixed(3)} (1/${(1 / ratio).toFixed(1)})`,
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
    policies: scanner.policies.length,
    checkov_ids_cross_referenced: covered.size,
    checkov_ids_failing: allCheckovIds.size,
    checkov_ids_without_policy: missingIds,
    compared: { ours: total.tp + total.fp, checkov: total.tp + total.fn, agree: total.tp },
    precision: total.tp / (total.tp + total.fp),
    recall: total.tp / (total.tp + total.fn),
    batch_seconds: Number(seconds.toFixed(2)),
    checkov_batch_seconds: checkovBaseline.batch_seconds,
    time_ratio: Number(ratio.toFixed(4)),
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
