import pc from 'picocolors';
import { appendAll } from '../../core/arrays.ts';
import { formatDiagnostic } from '../../core/diagnostics.ts';
import { SEVERITIES, severityRank, type Finding, type FindingSeverity, type ScanResult } from '../finding.ts';

type Colors = ReturnType<typeof pc.createColors>;

function severityColors(c: Colors): Record<FindingSeverity, (s: string) => string> {
  return {
    critical: (s) => c.bold(c.magenta(s)),
    high: c.red,
    medium: c.yellow,
    low: c.cyan,
    info: c.dim,
    error: (s) => c.bold(c.red(s)),
  };
}

/** Counts of unsuppressed findings by severity (+ suppressed and errors). */
export function countFindings(findings: readonly Finding[]): Record<FindingSeverity | 'suppressed', number> {
  const counts = { info: 0, low: 0, medium: 0, high: 0, critical: 0, error: 0, suppressed: 0 };
  for (const f of findings) {
    if (f.suppressed) counts.suppressed++;
    else counts[f.severity]++;
  }
  return counts;
}

export interface TextOptions {
  /** ANSI colours (default false: callers decide, from the terminal, NO_COLOR/FORCE_COLOR and --no-color). */
  color?: boolean;
  /** Checkov's --compact: one line per finding, no messages. */
  compact?: boolean;
  /** Checkov's --quiet: only inputs with findings, errors or warnings. */
  quiet?: boolean;
}

/**
 * The human report: per input, findings grouped by file (sorted by line), one line each with severity, policy id,
 * resource and location, the message below; then a severity summary.
 */
export function renderText(results: readonly ScanResult[], options: TextOptions = {}): string {
  const colors = pc.createColors(options.color ?? false);
  const bySeverity = severityColors(colors);
  const paint = (severity: FindingSeverity, text: string): string => bySeverity[severity](text);
  const dim = (text: string): string => colors.dim(text);
  const out: string[] = [];
  const all: Finding[] = [];
  for (const result of results) {
    appendAll(all, result.findings);
    const quiet = options.quiet && result.errors.length === 0 && !result.notices.some((n) => n.severity === 'warning') && !result.findings.some((f) => !f.suppressed);
    if (quiet) continue;
    out.push(
      colors.bold(`${result.dir}`) +
        dim(` (${result.resources} resources, ${result.policies} policies)`) +
        (result.partial ? ` ${colors.yellow('[partial: not everything could be checked]')}` : ''),
    );
    for (const error of result.errors) out.push(`  ${paint('error', 'ERROR')} ${error.message}`);
    for (const notice of result.notices) {
      const where = notice.range ? dim(` (${notice.range.filename}:${notice.range.start.line})`) : '';
      out.push(`  ${notice.severity === 'warning' ? colors.yellow('WARNING') : colors.cyan('NOTE')} ${notice.message}${where}`);
    }
    if (result.findings.length === 0) {
      out.push(`  ${result.partial ? colors.yellow('no findings in what could be checked') : colors.green('no findings')}`);
      continue;
    }
    const byFile = new Map<string, Finding[]>();
    for (const f of result.findings) {
      const file = f.range?.filename ?? '(plan)';
      byFile.set(file, [...(byFile.get(file) ?? []), f]);
    }
    for (const [file, findings] of byFile) {
      const fileCounts = countFindings(findings);
      const summary = [...SEVERITIES, 'error' as const]
        .filter((s) => fileCounts[s] > 0)
        .sort((a, b) => severityRank(b) - severityRank(a))
        .map((s) => paint(s, `${fileCounts[s]} ${s}`));
      if (fileCounts.suppressed) summary.push(dim(`${fileCounts.suppressed} suppressed`));
      out.push(`  ${colors.underline(file)}${summary.length ? ` (${summary.join(', ')})` : ''}`);
      for (const f of findings) {
        const where = f.range ? `:${f.range.start.line}` : '';
        const label = f.severity.toUpperCase().padEnd(8);
        const head = `    ${paint(f.severity, label)} ${f.policy_id}  ${f.resource || '-'}${dim(where)}${f.partial ? dim(' (partial)') : ''}`;
        if (f.suppressed) {
          if (!options.quiet) out.push(dim(`${head.replace(/\x1b\[[0-9;]*m/g, '')}  [suppressed: ${f.suppression_reason ?? ''}]`));
        } else {
          out.push(head);
          if (!options.compact) out.push(`             ${f.message}`);
        }
      }
    }
  }
  const counts = countFindings(all);
  const parts = [...SEVERITIES]
    .sort((a, b) => severityRank(b) - severityRank(a))
    .map((s) => `${paint(s, String(counts[s]))} ${s}`);
  if (counts.error) parts.push(`${paint('error', String(counts.error))} policy errors`);
  const active = all.length - counts.suppressed;
  const partial = results.filter((r) => r.partial).length;
  out.push('');
  out.push(
    `${active} finding${active === 1 ? '' : 's'}: ${parts.join(', ')}${counts.suppressed ? dim(` (+${counts.suppressed} suppressed)`) : ''}` +
      (partial ? colors.yellow(`; ${partial} of ${results.length} input${results.length === 1 ? '' : 's'} only partly checked`) : ''),
  );
  return `${out.join('\n')}\n`;
}

/**
 * The report of `check` and `scan` alike: for inputs that were also validated (`check`), Terraform's verdict first
 * (`== validate <dir>` with one line per diagnostic), then the scan report under `== security scan`.
 */
export function renderCheckText(results: readonly ScanResult[], options: TextOptions = {}): string {
  if (!results.some((r) => r.validation)) return renderText(results, options);
  const colors = pc.createColors(options.color ?? false);
  const out: string[] = [];
  for (const r of results) {
    if (!r.validation) continue;
    out.push(colors.bold(`== validate ${r.dir}`));
    for (const d of r.validation.diagnostics) out.push(`  ${formatDiagnostic(d)}`);
    const { valid, error_count: errors, warning_count: warnings } = r.validation;
    out.push(
      valid
        ? `  ${colors.green('valid')}${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}`
        : `  ${colors.red(`invalid: ${errors} error${errors === 1 ? '' : 's'}`)}`,
    );
  }
  out.push(colors.bold('== security scan'));
  return `${out.join('\n')}\n${renderText(results, options)}`;
}
