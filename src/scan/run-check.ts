import { resolve } from 'node:path';
import pc from 'picocolors';
import { formatDiagnostic, toValidateResult, type ValidateResult } from '../core/diagnostics.ts';
import { ExitError, UsageError } from '../core/errors.ts';
import { logger } from '../core/logger.ts';
import { loadSchemas } from '../schema/bundled.ts';
import { loadConfiguration } from '../terraform/load-module.ts';
import { validateConfiguration } from '../validate/validate-configuration.ts';
import { isBlocking, type ScanResult } from './finding.ts';
import { renderText } from './outputs/text.ts';
import { resolveScanOptions, type ScanCommandOptions } from './run-scan.ts';
import { Scanner } from './scanner.ts';

/** One checked directory: Terraform-style validation plus the security scan, from a single load. */
export interface CheckResult {
  dir: string;
  validate: ValidateResult;
  scan: ScanResult;
}

/** Validates and scans each directory (the configuration is loaded once per directory). */
export async function checkDirectories(dirs: string[], options: ScanCommandOptions = {}): Promise<CheckResult[]> {
  const resolved = resolveScanOptions(dirs, options);
  const scanner = new Scanner(resolved.scanOptions);
  const schemas = loadSchemas([]);
  const results: CheckResult[] = [];
  for (const dir of dirs) {
    const config = await loadConfiguration(dir, { vars: options.var ?? [], varFiles: options.varFile ?? [] });
    const validate = toValidateResult(validateConfiguration(config, schemas, { rootDir: resolve(dir) }));
    results.push({ dir, validate, scan: scanner.scanConfiguration(config, dir) });
  }
  return results;
}

/**
 * `iacpac check <dir...>`: validate + scan in one human report (or JSON). Exit 1 when the configuration is invalid or
 * has findings at/above the severity threshold, 0 otherwise, 2 on usage/input errors.
 */
export async function checkCommand(dirs: string[], options: ScanCommandOptions): Promise<void> {
  const inputs = dirs.length ? dirs : ['.'];
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format ${format}: check prints text or json; use iacpac scan for sarif/junit`);
  const threshold = resolveScanOptions(inputs, options).threshold;
  const results = await checkDirectories(inputs, options);
  const color = options.color === false ? false : pc.isColorSupported;
  if (format === 'json') {
    logger.out(JSON.stringify(results.map((r) => ({ dir: r.dir, validate: r.validate, findings: r.scan.findings })), null, 2));
  } else {
    const colors = pc.createColors(color);
    for (const r of results) {
      logger.out(colors.bold(`== validate ${r.dir}`));
      for (const d of r.validate.diagnostics) logger.out(`  ${formatDiagnostic(d)}`);
      logger.out(
        r.validate.valid
          ? `  ${colors.green('valid')}${r.validate.warning_count ? ` (${r.validate.warning_count} warnings)` : ''}`
          : `  ${colors.red(`invalid: ${r.validate.error_count} error${r.validate.error_count === 1 ? '' : 's'}`)}`,
      );
    }
    logger.out(colors.bold('== security scan'));
    logger.out(renderText(results.map((r) => r.scan), { color }));
  }
  const invalid = results.some((r) => !r.validate.valid);
  const blocking = results.some((r) => r.scan.findings.some((f) => isBlocking(f, threshold)));
  if (invalid || blocking) throw new ExitError(1);
}
