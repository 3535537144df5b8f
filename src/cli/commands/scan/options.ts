import { UsageError } from '../../../core/errors.ts';
import { isSeverity, type Severity } from '../../../core/severity.ts';
import { loadScanConfig } from '../../../scan/config-file.ts';
import { splitList } from '../../../scan/id-glob.ts';
import type { ScanOptions } from '../../../scan/scanner.ts';

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
