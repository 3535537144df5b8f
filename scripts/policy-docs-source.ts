// Shared by scripts/gen-policy-docs.ts and the docs meta-test: the library metadata plus which severities are our own
// judgement (their Checkov check has no entry in the published severity mapping, ../shared/data/checkov/severity.csv).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLibrary } from '../src/scan/policy-library.ts';
import { renderPolicyDocs } from '../src/scan/policy-docs.ts';

const root = join(import.meta.dirname, '..');
export const policyDocsPath = join(root, 'docs', 'policies.md');
const severityCsv = join(root, '..', 'shared', 'data', 'checkov', 'severity.csv');

/** Checkov id -> published severity (empty when the shared data is not available). */
export function publishedSeverities(): Map<string, string> {
  const map = new Map<string, string>();
  if (!existsSync(severityCsv)) return map;
  for (const line of readFileSync(severityCsv, 'utf8').split('\n').slice(1)) {
    const [id, severity] = line.split(',');
    if (id && severity) map.set(id, severity);
  }
  return map;
}

export function renderLibraryDocs(): string {
  const published = publishedSeverities();
  const policies = loadLibrary().policies;
  const own = new Set(policies.filter((p) => !(p.references.checkov ?? []).some((id) => published.has(id))).map((p) => p.id));
  return renderPolicyDocs(policies, own);
}
