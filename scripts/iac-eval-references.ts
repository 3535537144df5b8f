// Shared by bench-validate.ts and mutate-references.ts: the IaC-Eval reference outputs and Terraform's
// recorded results on them (../shared, read by scripts only), and how a reference becomes a folder.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AWS_VERSION_OVERRIDE } from '../src/backends/offline-overrides.ts';
import { comparableSummary } from '../src/validate/diagnostic.ts';

export const SHARED = process.env.IACPAC_SHARED ?? '../shared';

export interface ReferenceRow {
  index: number;
  reference_output: string;
}

export interface TerraformReferenceResult {
  index: number;
  providers_used: string[];
  init_ok: boolean;
  init_s: number;
  version_override: boolean;
  validate_s: number;
  valid: boolean;
  validate_errors: number;
  validate_warnings: number;
  validate_diagnostics: Array<{ severity: string; summary: string; detail: string }>;
}

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as T);
}

export function readReferences(): ReferenceRow[] {
  return readJsonl<ReferenceRow>(join(SHARED, 'data/iac-eval/iac-eval.jsonl'));
}

export function readTerraformResults(): Map<number, TerraformReferenceResult> {
  const rows = readJsonl<TerraformReferenceResult>(join(SHARED, 'data/iac-eval/terraform-1.11.4-references.jsonl'));
  return new Map(rows.map((row) => [row.index, row]));
}


/** The files of one reference folder: `main.tf` plus the version override the recorded run used. */
export function referenceFiles(mainTf: string, versionOverride: boolean): Record<string, string> {
  return versionOverride ? { 'main.tf': mainTf, 'version_override.tf': AWS_VERSION_OVERRIDE } : { 'main.tf': mainTf };
}

export function writeFolder(dir: string, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

/** A diagnostic as recorded in the baselines (Terraform's JSON diagnostic without the snippet). */
export interface RecordedDiagnostic {
  severity: string;
  summary: string;
  detail: string;
  range?: { filename: string; start: { line: number; column: number; byte: number }; end: { line: number; column: number; byte: number } };
}

/** The earliest error by file and position (Terraform's own order follows its concurrent graph walk). */
export function firstError(diagnostics: readonly RecordedDiagnostic[]): RecordedDiagnostic | undefined {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const key = (d: RecordedDiagnostic) => (d.range ? [d.range.filename, d.range.start.byte] : ['', -1]) as [string, number];
  return [...errors].sort((a, b) => {
    const [fa, ba] = key(a);
    const [fb, bb] = key(b);
    return fa < fb ? -1 : fa > fb ? 1 : ba - bb;
  })[0];
}

/** `summary @ file:line` of a diagnostic, for first-error comparisons. */
export function errorKey(diagnostic: RecordedDiagnostic | undefined): string {
  if (!diagnostic) return '(none)';
  return `${comparableSummary(diagnostic.summary)} @ ${diagnostic.range ? `${diagnostic.range.filename}:${diagnostic.range.start.line}` : '-'}`;
}
