import pc from 'picocolors';
import { checkDirectories } from '../../../analysis/check.ts';
import { formatDiagnostic } from '../../../core/diagnostics.ts';
import { ExitError, UsageError } from '../../../core/errors.ts';
import { logger } from '../../../core/logger.ts';
import { isBlocking } from '../../../scan/finding.ts';
import { renderText } from '../../../scan/outputs/text.ts';
import { resolveScanOptions, type ScanCommandOptions } from '../scan/options.ts';

/**
 * `iacpac check <dir...>`: validate + scan in one human report (or JSON). Exit 1 when the configuration is invalid or
 * has findings at/above the severity threshold, 0 otherwise, 2 on usage/input errors.
 */
export async function checkCommand(dirs: string[], options: ScanCommandOptions): Promise<void> {
  const inputs = dirs.length ? dirs : ['.'];
  const format = options.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format ${format}: check prints text or json; use iacpac scan for sarif/junit`);
  const resolved = resolveScanOptions(inputs, options);
  const results = await checkDirectories(inputs, resolved.scanOptions);
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
  const blocking = results.some((r) => r.scan.findings.some((f) => isBlocking(f, resolved.threshold)));
  if (invalid || blocking) throw new ExitError(1);
}
