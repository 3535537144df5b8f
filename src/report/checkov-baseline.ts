import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { assetPath } from '../core/package-root.ts';
import type { AttemptRecord } from '../bench/results-store.ts';
import { SEVERITIES, latestAttempts } from './summarize.ts';
import type { Table } from './render-tables.ts';

interface CheckovRow {
  index: number;
  failed: Array<{ check_id: string; resource: string }>;
}

/** Checkov 3.3.13's recorded failures on the IaC-Eval reference outputs (bundled baseline). */
export function loadCheckovReferences(): Map<number, CheckovRow['failed']> {
  const text = gunzipSync(readFileSync(assetPath('baselines', 'checkov-3.3.13-references.jsonl.gz'))).toString('utf8');
  const out = new Map<number, CheckovRow['failed']>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as CheckovRow;
    out.set(row.index, row.failed);
  }
  return out;
}

export function loadCheckovSeverities(): Record<string, string> {
  return (JSON.parse(readFileSync(assetPath('baselines', 'checkov-severity.json'), 'utf8')) as { severity: Record<string, string> }).severity;
}

/**
 * For runs of the `reference` pseudo-model: our scanner's failed policies by severity next to Checkov's recorded
 * failures on the same rows (Checkov severities from the Prisma Cloud mapping; ids without one count as "unrated").
 */
export function checkovComparisonTable(allRecords: AttemptRecord[]): Table | undefined {
  const finals = latestAttempts(allRecords).filter((r) => r.model === 'reference' && r.final && r.error === null);
  if (finals.length === 0) return undefined;
  const checkov = loadCheckovReferences();
  const severities = loadCheckovSeverities();
  const difficulties = [...new Set(finals.map((r) => r.difficulty))].sort((a, b) => a - b);
  const rows: Table['rows'] = [];
  for (const difficulty of [...difficulties, null]) {
    const slice = finals.filter((r) => difficulty === null || r.difficulty === difficulty);
    const ours = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<string, number>;
    const theirs: Record<string, number> = { ...Object.fromEntries(SEVERITIES.map((s) => [s, 0])), unrated: 0 };
    const ourTypes = new Set<string>();
    const theirTypes = new Set<string>();
    let ourTotal = 0;
    let theirTotal = 0;
    for (const r of slice) {
      for (const f of r.findings) {
        ours[f.severity] = (ours[f.severity] ?? 0) + 1;
        ourTypes.add(f.policy_id);
        ourTotal++;
      }
      for (const f of checkov.get(r.index) ?? []) {
        const sev = severities[f.check_id] ?? 'unrated';
        theirs[sev] = (theirs[sev] ?? 0) + 1;
        theirTypes.add(f.check_id);
        theirTotal++;
      }
    }
    const label = difficulty === null ? 'all' : String(difficulty);
    rows.push(['iacpac', label, slice.length, ...SEVERITIES.map((s) => ours[s] ?? 0), null, ourTotal, ourTypes.size]);
    rows.push(['checkov 3.3.13 (recorded)', label, slice.length, ...SEVERITIES.map((s) => theirs[s] ?? 0), theirs.unrated ?? 0, theirTotal, theirTypes.size]);
  }
  return {
    name: 'checkov-comparison',
    title: 'Reference outputs: iacpac policy library vs Checkov 3.3.13 (recorded), failed policies by severity',
    columns: ['scanner', 'difficulty', 'scripts', ...SEVERITIES, 'unrated', 'total', 'types'],
    rows,
  };
}
