import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../core/diagnostics.ts';
import { loadConfiguration } from '../terraform/load-module.ts';

/**
 * Syntactically broken variants of IaC-Eval references, with what `terraform validate -json` said about
 * each (recorded by scripts/record-hcl-mutations.ts). The loader must report exactly Terraform's
 * configuration-loading errors: HCL's syntax errors (text, range with bytes, order).
 */

interface Row {
  index: number;
  mutation: string;
  source: string;
  diagnostics: Diagnostic[];
}

const ROWS = readFileSync(join(import.meta.dirname, '__fixtures__', 'mutations.terraform.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Row);

/** What Terraform reports after loading succeeds (providers not installed): not the loader's business. */
const AFTER_LOADING = new Set(['Missing required provider']);

/**
 * Known gap: after a syntax error, Terraform also reports arguments that HCL's own error recovery left at
 * the top level of the file ("Unsupported argument"); hcl2json gives no partial body, so iacpac reports
 * only the syntax errors for a broken file (6 of these 60 rows).
 */
const isRecoveryArtifact = (d: Diagnostic, all: Diagnostic[]): boolean =>
  d.summary === 'Unsupported argument' && all.some((other) => other.summary !== 'Unsupported argument' && !AFTER_LOADING.has(other.summary));

const work = mkdtempSync(join(tmpdir(), 'iacpac-mutations-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const comparable = (d: Diagnostic) => ({ severity: d.severity, summary: d.summary, detail: d.detail, range: d.range });

describe('loader diagnostics on broken IaC-Eval references equal terraform validate', () => {
  it.each(ROWS.map((row, i) => [`${row.index} ${row.mutation} #${i}`, row] as const))('%s', async (_name, row) => {
    const dir = mkdtempSync(join(work, 'case-'));
    writeFileSync(join(dir, 'main.tf'), row.source);
    const config = await loadConfiguration(dir, { env: {} });
    const expected = row.diagnostics.filter((d) => !AFTER_LOADING.has(d.summary) && !isRecoveryArtifact(d, row.diagnostics)).map(comparable);
    expect(config.diagnostics.map(comparable)).toEqual(expected);
  });
});
