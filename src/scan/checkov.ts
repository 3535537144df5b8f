import { spawnSync } from 'node:child_process';
import { InputError, UsageError } from '../core/errors.ts';
import { compareFindings, isSeverity, type Finding, type ScanError, type ScanResult, type Severity } from './finding.ts';
import type { PolicyInfo } from './policy-metadata.ts';

/** The parts of a Checkov `-o json` check record we read. */
interface CheckovCheck {
  check_id: string;
  check_name?: string;
  check_result?: { result?: string; suppress_comment?: string };
  file_path?: string;
  file_line_range?: [number, number];
  resource?: string;
  severity?: string | null;
  guideline?: string | null;
}

interface CheckovReport {
  check_type?: string;
  results?: { failed_checks?: CheckovCheck[]; skipped_checks?: CheckovCheck[]; parsing_errors?: string[] };
}

/** True when a `checkov` executable is on PATH. */
export function checkovAvailable(): boolean {
  const probe = spawnSync('checkov', ['--version'], { encoding: 'utf8', timeout: 60_000 });
  return probe.status === 0;
}

/** Runs Checkov on a directory (Terraform framework, JSON output) and returns its parsed report. */
export function runCheckov(dir: string): unknown {
  const run = spawnSync('checkov', ['-d', dir, '--framework', 'terraform', '-o', 'json', '--quiet', '--compact'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 600_000,
  });
  if (run.error) {
    throw new UsageError(`--scanner checkov: cannot run checkov (${run.error.message}); install it (pip install checkov) or use the built-in scanner`);
  }
  // Checkov exits 1 when checks fail; anything else without JSON on stdout is a real failure.
  try {
    return JSON.parse(run.stdout || '{}');
  } catch {
    throw new InputError(`--scanner checkov: checkov exited ${run.status} without JSON output: ${(run.stderr || '').trim().split('\n').pop() ?? ''}`);
  }
}

/**
 * Maps a Checkov JSON report (one report object, or a list of them for several frameworks) to our finding shape.
 * A check id that our library cross-references takes that policy's id, title and severity; other checks keep the
 * Checkov id and name, with Checkov's own severity when it reports one (else `medium`).
 */
export function mapCheckovReport(report: unknown, dir: string, library: readonly PolicyInfo[]): ScanResult {
  const reports = (Array.isArray(report) ? report : [report]) as CheckovReport[];
  const byCheckov = new Map<string, PolicyInfo>();
  for (const policy of library) for (const id of policy.references.checkov ?? []) if (!byCheckov.has(id)) byCheckov.set(id, policy);
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  for (const r of reports) {
    if (!r || typeof r !== 'object') continue;
    if (r.check_type && r.check_type !== 'terraform' && r.check_type !== 'terraform_plan') continue;
    for (const file of r.results?.parsing_errors ?? []) errors.push({ message: `${file}: Checkov could not parse this file`, file, code: 'checkov-parse' });
    for (const check of r.results?.failed_checks ?? []) findings.push(toFinding(check, byCheckov, false));
    for (const check of r.results?.skipped_checks ?? []) findings.push(toFinding(check, byCheckov, true));
  }
  findings.sort(compareFindings);
  return { dir, findings, errors, partial: errors.length > 0, notices: [], policies: byCheckov.size, resources: new Set(findings.map((f) => f.resource)).size };
}

function toFinding(check: CheckovCheck, byCheckov: Map<string, PolicyInfo>, skipped: boolean): Finding {
  const policy = byCheckov.get(check.check_id);
  const own = (check.severity ?? '').toLowerCase();
  const severity: Severity = isSeverity(own) ? own : (policy?.severity ?? 'medium');
  const [start, end] = check.file_line_range ?? [1, 1];
  const filename = (check.file_path ?? '').replace(/^\/+/, '');
  const resource = check.resource ?? '';
  return {
    policy_id: policy?.id ?? check.check_id,
    severity,
    title: policy?.title ?? check.check_name ?? check.check_id,
    message: `${check.check_name ?? check.check_id} (${check.check_id})${resource ? ` failed for ${resource}` : ''}`,
    resource,
    range: { filename, start: { line: start, column: 1, byte: 0 }, end: { line: end, column: 1, byte: 0 } },
    references: { checkov: [check.check_id] },
    suppressed: skipped,
    ...(skipped ? { suppression_reason: check.check_result?.suppress_comment ?? 'skipped in Checkov' } : {}),
    partial: false,
  };
}
