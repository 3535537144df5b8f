// npm run bench:checkov-tests [-- --check=CKV_AWS_6,CKV2_AWS_5] [--show=mismatches|all] [--write] [--out=results.json]
//
// Scores the policy library against Checkov 3.3.13's own unit-test expectations for its AWS Terraform checks
// (../shared/data/checkov-tests: checks.jsonl, expected.jsonl, fixtures). Same rules as the data set's compare.py
// (src/bench/checkov-tests.ts): every scan root of a fixture is scanned, a row is FAIL when a non-suppressed finding
// that cross-references the row's Checkov id has a matching address; positives are Checkov's FAIL rows. The scan runs
// in-process (one compiled library) instead of one CLI call per batch, and coverage is read from the library's
// metadata (the policies `--policy <id>` selects) instead of one CLI probe per id.
// Prints per-check and overall figures and coverage; --write records them in docs/benchmarks.md and
// bench/baselines/checkov-tests.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  matchAddress,
  metrics,
  rowRoots,
  scanRoots,
  zeroCounts,
  type CheckEntry,
  type Counts,
  type ExpectedRow,
  type Metrics,
} from '../src/bench/checkov-tests.ts';
import { InputError } from '../src/core/errors.ts';
import type { ScanResult } from '../src/scan/finding.ts';
import { loadLibrary } from '../src/scan/policy-library.ts';
import { Scanner } from '../src/scan/scanner.ts';

const root = join(import.meta.dirname, '..');
const data = argument('data') ?? join(root, '..', 'shared', 'data', 'checkov-tests');
if (!existsSync(join(data, 'expected.jsonl'))) {
  process.stderr.write(`bench:checkov-tests: ${data}/expected.jsonl not found; the data set lives in ../shared/data/checkov-tests (or pass --data=DIR)\n`);
  process.exit(2);
}
const only = argument('check')?.split(',').filter(Boolean);
const show = argument('show');
const write = process.argv.includes('--write');
const outFile = argument('out');

const checks = readJsonl<CheckEntry>(join(data, 'checks.jsonl'));
let rows = readJsonl<ExpectedRow>(join(data, 'expected.jsonl'));
let ids = [...new Set(checks.map((c) => c.id))].sort();
if (only) {
  ids = ids.filter((id) => only.includes(id));
  rows = rows.filter((r) => only.includes(r.check_id));
}
const idsWithRows = new Set(rows.map((r) => r.check_id));

// Coverage: the number of library policies `--policy <id>` selects (those whose id or cross-references name it).
const library = loadLibrary();
const policyCount = new Map(ids.map((id) => [id, library.policies.filter((p) => p.id === id || Object.values(p.references).flat().includes(id)).length]));
const covered = new Set(ids.filter((id) => (policyCount.get(id) ?? 0) > 0));

// Scan every root of every fixture that has a row of a covered id.
const t0 = performance.now();
const scanner = new Scanner({});
const fixtures = [...new Set(rows.map((r) => r.fixture))].sort();
const roots = new Map(fixtures.map((f) => [f, scanRoots(join(data, 'fixtures', f))]));
const toScan = new Set(rows.filter((r) => covered.has(r.check_id)).flatMap((r) => roots.get(r.fixture) ?? []));
const results = new Map<string, ScanResult | { failure: 'refused' | 'crashed'; message: string }>();
for (const path of [...toScan].sort()) {
  try {
    results.set(path, await scanner.scanPath(path));
  } catch (error) {
    results.set(path, { failure: error instanceof InputError ? 'refused' : 'crashed', message: (error as Error).message.split('\n')[0] ?? '' });
  }
}
const seconds = (performance.now() - t0) / 1000;

// Verdicts.
interface Verdict extends ExpectedRow {
  scanner: 'PASS' | 'FAIL';
  matched: string[];
}
const verdicts: Verdict[] = [];
const perCheck = new Map<string, Counts>();
const byStyle = new Map<string, Counts>();
const overall = zeroCounts();
const overallCovered = zeroCounts();
let loose = 0;
let skipRows = 0;
for (const row of rows) {
  const fixturePath = join(data, 'fixtures', row.fixture);
  const hits: Array<{ how: string; resource: string; suppressed: boolean }> = [];
  for (const path of rowRoots(row, fixturePath, roots.get(row.fixture) ?? [])) {
    const result = results.get(path);
    if (!result || 'failure' in result) continue;
    for (const f of result.findings) {
      if (f.severity === 'error' || !f.resource || !(f.references.checkov ?? []).includes(row.check_id)) continue;
      const how = matchAddress(row.resource, f.resource);
      if (how) hits.push({ how, resource: f.resource, suppressed: f.suppressed });
    }
  }
  const active = hits.filter((h) => !h.suppressed);
  const verdict = active.length > 0 ? 'FAIL' : 'PASS';
  if (active.length > 0 && active.every((h) => h.how === 'loose')) loose++;
  verdicts.push({ ...row, scanner: verdict, matched: [...new Set(active.map((h) => h.resource))].sort() });
  if (row.expected === 'SKIP') {
    skipRows++;
    continue;
  }
  const k: keyof Counts = row.expected === 'FAIL' ? (verdict === 'FAIL' ? 'TP' : 'FN') : verdict === 'FAIL' ? 'FP' : 'TN';
  const counts = perCheck.get(row.check_id) ?? zeroCounts();
  perCheck.set(row.check_id, counts);
  counts[k]++;
  overall[k]++;
  if (covered.has(row.check_id)) {
    overallCovered[k]++;
    const style = byStyle.get(row.style) ?? zeroCounts();
    byStyle.set(row.style, style);
    style[k]++;
  }
}

// Report.
const pct = (x: number | null): string => (x === null ? '  -  ' : (100 * x).toFixed(1).padStart(5));
const line = (label: string, m: Metrics, width = 26): string =>
  `${label.padEnd(width)}${[m.n, m.TP, m.FP, m.FN, m.TN].map((v) => String(v).padStart(5)).join('')}  ${pct(m.agreement)}  ${pct(m.precision)} ${pct(m.recall)}`;
const head = `${'check'.padEnd(26)}${['n', 'TP', 'FP', 'FN', 'TN'].map((v) => v.padStart(5)).join('')}  agree  prec   rec`;
const perCheckMetrics = new Map([...perCheck].map(([id, c]) => [id, metrics(c)]));
const order = [...perCheckMetrics].sort(
  ([a, ma], [b, mb]) => Number(!covered.has(a)) - Number(!covered.has(b)) || (ma.agreement ?? 0) - (mb.agreement ?? 0) || a.localeCompare(b),
);
const total = metrics(overall);
const totalCovered = metrics(overallCovered);
const withoutPolicy = ids.filter((id) => !covered.has(id));
const below90 = [...perCheckMetrics].filter(([id, m]) => covered.has(id) && (m.agreement ?? 1) < 0.9).map(([id]) => id);
const failures = [...results].filter(([, r]) => 'failure' in r) as Array<[string, { failure: string; message: string }]>;
const partialRoots = [...results].filter(([, r]) => !('failure' in r) && r.findings.some((f) => f.partial)).length;
const policyErrors = [...results].flatMap(([path, r]) =>
  'failure' in r ? [] : r.findings.filter((f) => f.severity === 'error').map((f) => `${relative(data, path)}: ${f.policy_id}: ${f.message}`),
);
const coveredWithRows = [...idsWithRows].filter((id) => covered.has(id)).length;

const out: string[] = [head];
for (const [id, m] of order) out.push(line(id + (covered.has(id) ? '' : ' (no policy)'), m));
out.push('-'.repeat(head.length));
out.push(line('OVERALL, all ids', total));
out.push(line('OVERALL, ids w/ policy', totalCovered));
for (const [style, c] of [...byStyle].sort(([a], [b]) => a.localeCompare(b))) out.push(line(`  w/ policy, style ${style}`, metrics(c)));
const summaryLines = [
  `coverage: ${covered.size}/${ids.length} check ids have a policy (${pct(covered.size / ids.length).trim()}%); ${withoutPolicy.length} ids have none` +
    `; of the ${idsWithRows.size} ids with rows, ${coveredWithRows} have a policy`,
  `ids with a policy below 90% agreement: ${below90.length}${below90.length ? ` (${below90.join(', ')})` : ''}`,
  `fixtures ${fixtures.length}, scan roots ${results.size}, refused ${failures.filter(([, f]) => f.failure === 'refused').length}, ` +
    `crashed ${failures.filter(([, f]) => f.failure === 'crashed').length}, roots with partial findings ${partialRoots}, ` +
    `policy evaluation errors ${policyErrors.length}, loose matches ${loose}, SKIP rows ${skipRows}; scan ${seconds.toFixed(1)} s`,
];
if (withoutPolicy.length) summaryLines.push(`ids without a policy: ${withoutPolicy.join(', ')}`);
out.push(...summaryLines);
for (const [path, f] of failures) out.push(`  ${f.failure}: ${relative(data, path)}: ${f.message}`);
for (const e of policyErrors.slice(0, 20)) out.push(`  policy error: ${e}`);
if (show) {
  for (const v of verdicts) {
    if (show !== 'all' && (v.expected === v.scanner || v.expected === 'SKIP')) continue;
    out.push(`${v.expected === v.scanner ? 'ok  ' : v.expected === 'FAIL' ? 'FN  ' : 'FP  '}${v.check_id} ${v.fixture} ${v.resource}${v.root ? ` (root ${v.root})` : ''} [${v.style}]`);
  }
}
process.stdout.write(`${out.join('\n')}\n`);

const summary = {
  command: 'npm run bench:checkov-tests -- --write',
  check_ids: ids.length,
  check_ids_with_rows: idsWithRows.size,
  check_ids_with_policy: covered.size,
  ids_without_policy: withoutPolicy,
  rows: rows.length,
  rows_scored: total.n,
  overall_all_ids: total,
  overall_ids_with_policy: totalCovered,
  by_style_ids_with_policy: Object.fromEntries([...byStyle].map(([s, c]) => [s, metrics(c)])),
  ids_below_90: below90,
  scan_roots: results.size,
  refused_or_crashed_roots: failures.map(([path, f]) => ({ root: relative(data, path), ...f })),
  policy_errors: policyErrors.length,
  loose_matches: loose,
  skip_rows: skipRows,
  scan_seconds: Number(seconds.toFixed(1)),
};
if (outFile) writeFileSync(outFile, `${JSON.stringify({ summary, per_check: Object.fromEntries(perCheckMetrics), verdicts }, null, 1)}\n`);
if (write && !only) {
  writeFileSync(join(root, 'bench', 'baselines', 'checkov-tests.json'), `${JSON.stringify({ ...summary, per_check: Object.fromEntries([...perCheckMetrics].sort(([a], [b]) => a.localeCompare(b))) }, null, 1)}\n`);
  const docPath = join(root, 'docs', 'benchmarks.md');
  const doc = readFileSync(docPath, 'utf8');
  const body = [
    '<!-- section:checkov-tests -->',
    '## Agreement with Checkov\'s own unit tests (`npm run bench:checkov-tests`)',
    '',
    'Every AWS Terraform check of Checkov 3.3.13 with the PASS/FAIL verdicts its own unit tests expect',
    '(`../shared/data/checkov-tests`: 455 ids, 1,920 rows, Checkov\'s fixtures scanned as they are, including the invalid',
    'ones). Scoring follows the data set\'s `compare.py` (same scan roots, address matching and metrics; positives are',
    'Checkov\'s FAIL rows). Generated by `npm run bench:checkov-tests -- --write` (also `bench/baselines/checkov-tests.json`).',
    'Ids without a policy are the exceptions listed with their reason in `docs/policies.md` (`policies/checkov-exceptions.json`);',
    'the scan time is wall time on the shared 2-core machine, whatever its load.',
    '',
    ...summaryLines.map((s) => `- ${s}`),
    '',
    '| | n | TP | FP | FN | TN | agreement | precision | recall |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...[['all ids', total] as const, ['ids with a policy', totalCovered] as const, ...[...byStyle].sort(([a], [b]) => a.localeCompare(b)).map(([s, c]) => [`style ${s}`, metrics(c)] as const)].map(
      ([label, m]) => `| ${label} | ${m.n} | ${m.TP} | ${m.FP} | ${m.FN} | ${m.TN} | ${pct(m.agreement).trim()} % | ${pct(m.precision).trim()} % | ${pct(m.recall).trim()} % |`,
    ),
    '',
    '<details><summary>Per check id (sorted by agreement)</summary>',
    '',
    '| check | n | TP | FP | FN | TN | agreement | precision | recall |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...order.map(
      ([id, m]) =>
        `| ${id}${covered.has(id) ? '' : ' (no policy)'} | ${m.n} | ${m.TP} | ${m.FP} | ${m.FN} | ${m.TN} | ${pct(m.agreement).trim()} | ${pct(m.precision).trim()} | ${pct(m.recall).trim()} |`,
    ),
    '',
    '</details>',
    '<!-- /section:checkov-tests -->',
  ].join('\n');
  const start = doc.indexOf('<!-- section:checkov-tests -->');
  const end = doc.indexOf('<!-- /section:checkov-tests -->');
  const next = start >= 0 && end > start ? doc.slice(0, start) + body + doc.slice(end + '<!-- /section:checkov-tests -->'.length) : `${doc.trimEnd()}\n\n${body}\n`;
  writeFileSync(docPath, next);
}

function argument(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}
