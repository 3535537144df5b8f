import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExitError, UsageError } from '../core/errors.ts';
import { logger } from '../core/logger.ts';
import { packageRoot } from '../core/package-root.ts';
import { checkovAvailable, mapCheckovReport, runCheckov } from './checkov.ts';
import { loadScanConfig } from './config-file.ts';
import { isBlocking, isSeverity, type ScanResult, type Severity } from './finding.ts';
import { splitList } from './id-glob.ts';
import { renderJson, renderJsonl } from './outputs/json.ts';
import { renderJunit } from './outputs/junit.ts';
import { renderSarif } from './outputs/sarif.ts';
import { renderText } from './outputs/text.ts';
import { loadLibrary } from './policy-library.ts';
import type { PolicyInfo } from './policy-metadata.ts';
import { Scanner, type ScanOptions } from './scanner.ts';

export const FORMATS = ['text', 'json', 'jsonl', 'sarif', 'junit'] as const;
export type OutputFormat = (typeof FORMATS)[number];

/** Options of `iacpac scan` (and the scan half of `iacpac check`), as commander hands them over. */
export interface ScanCommandOptions {
  format?: string;
  output?: string;
  severity?: string;
  policy?: string[];
  skipPolicy?: string[];
  policyDir?: string[];
  library?: boolean;
  scanner?: string;
  config?: string;
  var?: string[];
  varFile?: string[];
  color?: boolean;
}

export interface ResolvedScan {
  format: OutputFormat;
  threshold: Severity;
  scanner: 'iacpac' | 'checkov';
  scanOptions: ScanOptions;
}

/** Merges command-line options over `.iacpac.yaml` and validates them. */
export function resolveScanOptions(paths: string[], options: ScanCommandOptions): ResolvedScan {
  const config = loadScanConfig(options.config, paths.filter((p) => !p.endsWith('.json')));
  const format = options.format ?? config.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format ${format}: unknown format; use one of ${FORMATS.join(', ')}`);
  }
  const severity = options.severity ?? config.severity ?? 'info';
  if (!isSeverity(severity)) throw new UsageError(`--severity ${severity}: unknown severity; use info, low, medium, high or critical`);
  const scanner = options.scanner ?? config.scanner ?? 'iacpac';
  if (scanner !== 'iacpac' && scanner !== 'checkov') throw new UsageError(`--scanner ${scanner}: use iacpac or checkov`);
  const policies = splitList(options.policy);
  const skip = splitList(options.skipPolicy);
  return {
    format: format as OutputFormat,
    threshold: severity,
    scanner,
    scanOptions: {
      severity,
      policies: policies.length ? policies : (config.policies ?? []),
      skipPolicies: [...(config.skip_policies ?? []), ...skip],
      policyDirs: [...(config.policy_dirs ?? []), ...(options.policyDir ?? [])],
      noLibrary: options.library === false,
      vars: options.var ?? [],
      varFiles: options.varFile ?? [],
    },
  };
}

/** Scans every path with the chosen scanner; returns the results and the policies that were run. */
export async function runScanner(paths: string[], resolved: ResolvedScan): Promise<{ results: ScanResult[]; policies: PolicyInfo[] }> {
  if (resolved.scanner === 'checkov') {
    if (!checkovAvailable()) throw new UsageError('--scanner checkov: checkov is not on PATH; install it (pip install checkov) or drop --scanner');
    const library = loadLibrary().policies;
    const results = paths.map((path) => {
      const result = mapCheckovReport(runCheckov(path), path, library);
      result.findings = result.findings.filter((f) => isBlocking({ ...f, suppressed: false }, resolved.threshold));
      return result;
    });
    return { results, policies: library };
  }
  const scanner = new Scanner(resolved.scanOptions);
  const results: ScanResult[] = [];
  for (const path of paths) results.push(await scanner.scanPath(path));
  return { results, policies: scanner.policies };
}

export function toolVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

export function renderResults(
  results: ScanResult[],
  policies: PolicyInfo[],
  format: OutputFormat,
  color: boolean | undefined,
): string {
  switch (format) {
    case 'json':
      return renderJson(results);
    case 'jsonl':
      return renderJsonl(results);
    case 'sarif':
      return renderSarif(results, policies, { toolVersion: toolVersion() });
    case 'junit':
      return renderJunit(results);
    case 'text':
      return renderText(results, { color });
  }
}

/** `iacpac scan [paths...]`: exit 0 without findings at/above the threshold, 1 with, 2 on usage/input errors. */
export async function scanCommand(paths: string[], options: ScanCommandOptions): Promise<void> {
  const inputs = paths.length ? paths : ['.'];
  const resolved = resolveScanOptions(inputs, options);
  const { results, policies } = await runScanner(inputs, resolved);
  const text = renderResults(results, policies, resolved.format, options.color === false ? false : undefined);
  if (options.output) writeFileSync(options.output, text);
  else logger.out(text);
  if (results.some((r) => r.findings.some((f) => isBlocking(f, resolved.threshold)))) throw new ExitError(1);
}
