import { writeFileSync } from 'node:fs';
import { scanPath } from '../../../analysis/scan-paths.ts';
import { ExitError, UsageError } from '../../../core/errors.ts';
import { logger } from '../../../core/logger.ts';
import { packageVersion } from '../../../core/package-root.ts';
import { checkovAvailable, mapCheckovReport, runCheckov } from '../../../scan/checkov.ts';
import { isBlocking, type ScanResult } from '../../../scan/finding.ts';
import { renderJson, renderJsonl } from '../../../scan/outputs/json.ts';
import { renderJunit } from '../../../scan/outputs/junit.ts';
import { renderSarif } from '../../../scan/outputs/sarif.ts';
import { renderText } from '../../../scan/outputs/text.ts';
import { loadLibrary } from '../../../scan/policy-library.ts';
import type { PolicyInfo } from '../../../scan/policy-metadata.ts';
import { Scanner } from '../../../scan/scanner.ts';
import { resolveScanOptions, type OutputFormat, type ResolvedScan, type ScanCommandOptions } from './options.ts';

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
  for (const path of paths) results.push(await scanPath(scanner, path, resolved.scanOptions));
  return { results, policies: scanner.policies };
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
      return renderSarif(results, policies, { toolVersion: packageVersion() });
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
