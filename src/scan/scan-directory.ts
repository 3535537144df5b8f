import { checkovAvailable, mapCheckovReport, runCheckov } from './checkov.ts';
import type { ScanResult } from './finding.ts';
import { UsageError } from '../core/errors.ts';
import { loadLibrary } from './policy-library.ts';
import { Scanner, type ScanOptions } from './scanner.ts';

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
  return scanner.scanDirectory(dir);
}

/** Compiled scanners by options, so repeated calls (the benchmark scans hundreds of folders) compile once. */
const scanners = new Map<string, Scanner>();
