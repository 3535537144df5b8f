// Shared by scripts/gen-policy-docs.ts and the docs meta-test: the library metadata plus which severities are our own
// judgement (their Checkov check has no entry in the published severity mapping, committed as
// assets/baselines/checkov-severity.json from ../shared/data/checkov/severity.csv).
import { join } from 'node:path';
import { loadLibrary } from '../src/scan/policy-library.ts';
import { renderPolicyDocs } from '../src/scan/policy-docs.ts';
import { loadCheckovSeverities } from '../src/report/checkov-baseline.ts';

const root = join(import.meta.dirname, '..');
export const policyDocsPath = join(root, 'docs', 'policies.md');

/** Checkov id -> published severity. */
export function publishedSeverities(): Map<string, string> {
  return new Map(Object.entries(loadCheckovSeverities()));
}

export function renderLibraryDocs(): string {
  const published = publishedSeverities();
  const policies = loadLibrary().policies;
  const own = new Set(policies.filter((p) => !(p.references.checkov ?? []).some((id) => published.has(id))).map((p) => p.id));
  return renderPolicyDocs(policies, own);
}
