// Shared by scripts/gen-policy-docs.ts and the docs meta-test: the library metadata plus which severities are our own
// judgement (their Checkov check has no entry in the published severity mapping, committed as
// assets/baselines/checkov-severity.json from ../shared/data/checkov/severity.csv).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { yamlMemoEntries, yamlSeedKey } from '../src/core/yaml-memo.ts';
import { RegoEngine } from '../src/rego/index.ts';
import { loadLibrary, METADATA_SEED_FILE, PRECOMPILED_LIBRARY_FILE, renderPrecompiledLibrary } from '../src/scan/policy-library.ts';
import { renderPolicyDocs, type CheckovException } from '../src/scan/policy-docs.ts';
import { loadCheckovSeverities } from '../src/report/checkov-baseline.ts';

const root = join(import.meta.dirname, '..');
export const policyDocsPath = join(root, 'docs', 'policies.md');
/** Checkov checks the library has no policy for, with the reason (listed in docs/policies.md). */
export const checkovExceptionsPath = join(root, 'policies', 'checkov-exceptions.json');

export function checkovExceptions(): CheckovException[] {
  return (JSON.parse(readFileSync(checkovExceptionsPath, 'utf8')) as { exceptions: CheckovException[] }).exceptions;
}

/** Checkov id -> published severity. */
export function publishedSeverities(): Map<string, string> {
  return new Map(Object.entries(loadCheckovSeverities()));
}

export function renderLibraryDocs(): string {
  const published = publishedSeverities();
  const policies = loadLibrary().policies;
  const own = new Set(policies.filter((p) => !(p.references.checkov ?? []).some((id) => published.has(id))).map((p) => p.id));
  return renderPolicyDocs(policies, own, checkovExceptions());
}

/**
 * The precomputed parses of every METADATA block of the library (`assets/policies/metadata-yaml.json`): the library is
 * loaded and parsed as Rego once with an empty memo, and every document parsed is recorded under the SHA-256 of its text.
 */
export function renderMetadataSeed(): string {
  const before = yamlMemoEntries().length;
  if (before !== 0) throw new Error('renderMetadataSeed needs a fresh process (the YAML memo is not empty)');
  // Every METADATA block read as the scanner reads it (not from assets/policies/library.json, which may be stale)...
  renderPrecompiledLibrary();
  // ... and as the Rego parser reads it (annotations).
  const library = loadLibrary();
  const engine = new RegoEngine();
  for (const m of [...library.helpers, ...library.policies]) engine.addModule(m.displayName, m.source);
  const yaml: Record<string, unknown> = {};
  for (const [text, value] of yamlMemoEntries().sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const json: unknown = JSON.parse(JSON.stringify(value));
    if (!isDeepStrictEqual(json, value)) continue; // not JSON (a date, ...): parsed at run time instead
    yaml[yamlSeedKey(text)] = json;
  }
  return `${JSON.stringify({ version: 1, yaml })}\n`;
}

export const metadataSeedPath = join(root, METADATA_SEED_FILE);
export const precompiledLibraryPath = join(root, PRECOMPILED_LIBRARY_FILE);
