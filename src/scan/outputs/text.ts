import pc from 'picocolors';
import { SEVERITIES, severityRank, type Finding, type FindingSeverity, type ScanResult } from '../finding.ts';

const COLOR: Record<FindingSeverity, (s: string) => string> = {
  critical: (s) => pc.bold(pc.magenta(s)),
  high: pc.red,
  medium: pc.yellow,
  low: pc.cyan,
  info: pc.dim,
  error: (s) => pc.bold(pc.red(s)),
};

/** Counts of unsuppressed findings by severity (+ suppressed and errors). */
export function countFindings(findings: readonly Finding[]): Record<FindingSeverity | 'suppressed', number> {
  const counts = { info: 0, low: 0, medium: 0, high: 0, critical: 0, error: 0, suppressed: 0 };
  for (const f of findings) {
    if (f.suppressed) counts.suppressed++;
    else counts[f.severity]++;
  }
  return counts;
}

/**
 * The human report: per input, findings grouped by file (sorted by line), one line each with severity, policy id,
 * resource and location, the message below; then a severity summary.
 */
export function renderText(results: readonly ScanResult[], options: { color?: boolean } = {}): string {
  const colors = pc.createColors(options.color ?? pc.isColorSupported);
  const paint = (severity: FindingSeverity, text: string): string => (options.color === false ? text : COLOR[severity](text));
  const dim = (text: string): string => colors.dim(text);
  const out: string[] = [];
  const all: Finding[] = [];
  for (const result of results) {
    all.push(...result.findings);
    out.push(colors.bold(`${result.dir}`) + dim(` (${result.resources} resources, ${result.policies} policies)`));
    for (const error of result.errors) out.push(`  ${paint('error', 'ERROR')} ${error.message}`);
    if (result.findings.length === 0) {
      out.push(`  ${colors.green('no findings')}`);
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
        const head = `    ${paint(f.severity, label)} ${f.policy_id}  ${f.resource || '-'}${dim(where)}${f.partial ? dim(' (partial parse)') : ''}`;
        if (f.suppressed) {
          out.push(dim(`${head.replace(/\x1b\[[0-9;]*m/g, '')}  [suppressed: ${f.suppression_reason ?? ''}]`));
        } else {
          out.push(head);
          out.push(`             ${f.message}`);
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
  out.push('');
  out.push(`${active} finding${active === 1 ? '' : 's'}: ${parts.join(', ')}${counts.suppressed ? dim(` (+${counts.suppressed} suppressed)`) : ''}`);
  return `${out.join('\n')}\n`;
}
