import type { ValidateResult } from '../core/diagnostics.ts';
import type { ScanResult } from '../scan/finding.ts';
import { Scanner, type ScanOptions } from '../scan/scanner.ts';
import { analyze } from './analyze.ts';

/** One checked directory: Terraform-style validation plus the security scan, from a single analysis. */
export interface CheckResult {
  dir: string;
  validate: ValidateResult;
  scan: ScanResult;
}

/** Validates and scans each directory (one load and one plan per directory, one compiled policy set for all). */
export async function checkDirectories(dirs: string[], options: ScanOptions = {}): Promise<CheckResult[]> {
  const scanner = new Scanner(options);
  const results: CheckResult[] = [];
  for (const dir of dirs) {
    const analysis = await analyze(dir, { vars: options.vars ?? [], varFiles: options.varFiles ?? [] });
    results.push({ dir, validate: analysis.validation, scan: analysis.scan(scanner) });
  }
  return results;
}
