import { UsageError } from '../core/errors.ts';
import { checkovAvailable, mapCheckovReport, runCheckov } from '../scan/checkov.ts';
import type { ScanResult } from '../scan/finding.ts';
import { loadLibrary } from '../scan/policy-library.ts';
import { Scanner, type ScanOptions } from '../scan/scanner.ts';
import { analyze } from './analyze.ts';

/** Scans `path` (a directory, through an analysis, or a plan JSON file) with `scanner`. */
export function scanPath(scanner: Scanner, path: string, options: Pick<ScanOptions, 'vars' | 'varFiles'> = {}): Promise<ScanResult> {
  return scanner.scanPath(path, async (dir) => (await analyze(dir, { vars: options.vars ?? [], varFiles: options.varFiles ?? [] })).scan(scanner));
}

/**
 * Scans one Terraform directory with the embedded policy library (default) or, with `scanner: 'checkov'`, with
 * Checkov from PATH mapped into the same finding shape.
 */
export async function scanDirectory(dir: string, options: ScanOptions & { scanner?: 'iacpac' | 'checkov' } = {}): Promise<ScanResult> {
  if (options.scanner === 'checkov') {
    if (!checkovAvailable()) throw new UsageError('scanner checkov: checkov is not on PATH; install it (pip install checkov)');
    return mapCheckovReport(runCheckov(dir), dir, loadLibrary().policies);
  }
  const key = JSON.stringify(options);
  let scanner = scanners.get(key);
  if (!scanner) {
    scanner = new Scanner(options);
    scanners.set(key, scanner);
  }
  return (await analyze(dir, { vars: options.vars ?? [], varFiles: options.varFiles ?? [] })).scan(scanner);
}

/** Compiled scanners by options, so repeated calls (the benchmark scans hundreds of folders) compile once. */
const scanners = new Map<string, Scanner>();

/** Scans several directories and/or plan JSON files with one compiled policy set. */
export async function scanPaths(paths: string[], options: ScanOptions = {}): Promise<ScanResult[]> {
  const scanner = new Scanner(options);
  const results: ScanResult[] = [];
  for (const path of paths) results.push(await scanPath(scanner, path, options));
  return results;
}
