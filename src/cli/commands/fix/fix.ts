import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { unifiedDiff } from '../../../agents/unified-diff.ts';
import { formatDiagnostic } from '../../../core/diagnostics.ts';
import { ExitError, UsageError } from '../../../core/errors.ts';
import { logger } from '../../../core/logger.ts';
import { parseSeverities, type Severity } from '../../../core/severity.ts';
import { fixConfiguration, type FixResult } from '../../../fix/index.ts';
import { matchesAny, splitList } from '../../../scan/id-glob.ts';
import { Scanner } from '../../../scan/scanner.ts';
import { createPrompter } from '../generate/interactive.ts';

export interface FixCommandOptions {
  dryRun?: boolean;
  write?: boolean;
  only?: 'validate' | 'security';
  policy?: string[];
  severity?: string;
  format?: 'text' | 'json';
  var?: string[];
  varFile?: string[];
}

export interface FixIo {
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WritableStream;
}

/**
 * `iacpac fix <dir>`: the repairs of `fixConfiguration` (validator-driven and policy-driven, each verified) as one line
 * each and a unified diff. Writes the changed files only with --write, or after a "y" on a terminal; never with
 * --dry-run. Exit 0 when the files as left on disk are valid with no finding at the selected severities, 1 when
 * problems remain (also when repairs were found but not written), 2 on usage/input errors.
 */
export async function fixCommand(dir: string, options: FixCommandOptions, io: FixIo = { stdin: process.stdin, stderr: process.stderr }): Promise<void> {
  if (options.dryRun && options.write) throw new UsageError('--dry-run and --write contradict each other; give one');
  const severityText = options.severity ?? 'info';
  const parsed = parseSeverities(severityText);
  if ('invalid' in parsed) throw new UsageError(`--severity ${severityText}: unknown severity "${parsed.invalid}"; use info, low, medium, high or critical (any case), or a comma-separated list`);
  const severities: Severity[] = parsed.severities;
  const patterns = splitList(options.policy ?? []);
  const scanner = new Scanner({ severity: 'info' });
  if (patterns.length > 0 && !scanner.policies.some((p) => [p.id, ...(p.references.checkov ?? [])].some((id) => matchesAny(id, patterns)))) {
    throw new UsageError(`--policy ${patterns.join(',')}: no policy of the library matches; use our ids (IACPAC_AWS_S3_001), Checkov ids (CKV_AWS_21) or globs`);
  }
  const repairable = scanner.policies
    .filter((p) => severities.includes(p.severity) && (patterns.length === 0 || [p.id, ...(p.references.checkov ?? [])].some((id) => matchesAny(id, patterns))))
    .map((p) => p.id);
  const result = await fixConfiguration(dir, {
    scanner,
    policies: repairable,
    ...(options.only ? { only: options.only } : {}),
    load: { vars: options.var ?? [], varFiles: options.varFile ?? [] },
  });

  let written = false;
  let declined = false;
  const textOutput = options.format !== 'json';
  if (textOutput) logger.out(renderText(result));
  if (result.changes.length > 0 && !options.dryRun) {
    if (options.write) written = true;
    else if (io.stdin.isTTY) {
      const prompter = createPrompter(io.stdin, io.stderr);
      try {
        const answer = (await prompter.question(`Write the repairs to ${result.changes.length} file(s) in ${dir}? [y/N] `))?.trim().toLowerCase();
        written = answer === 'y' || answer === 'yes';
        declined = !written;
      } finally {
        prompter.close();
      }
    }
    if (written) for (const change of result.changes) writeFileSync(resolve(dir, change.file), change.after);
  }
  const state = written ? { valid: result.after.valid, findings: result.findings } : { valid: result.before.valid, findings: result.findingsBefore };
  const remaining = state.findings.filter((f) => f.severity === 'error' || severities.includes(f.severity as Severity));
  if (textOutput) {
    const status =
      result.changes.length === 0 ? 'nothing to write' : written ? `wrote ${result.changes.length} file(s)` : options.dryRun ? 'not written (--dry-run)' : declined ? 'not written (declined)' : 'not written: pass --write to apply (or run it in a terminal to confirm)';
    logger.out(`${status}; ${state.valid ? 'valid' : 'invalid'}, ${remaining.length} finding(s) left in the files${written ? '' : ' as they are'}`);
  } else {
    logger.out(JSON.stringify(renderJson(result, written, remaining.length), null, 2));
  }
  if (!state.valid || remaining.length > 0) throw new ExitError(1);
}

function renderText(result: FixResult): string {
  const lines: string[] = [];
  for (const repair of result.applied) {
    lines.push(`fixed ${repair.location}: ${repair.description}`);
    if (repair.note) lines.push(`  note: ${repair.note}`);
  }
  for (const { repair, reason } of result.rejected) lines.push(`not fixed ${repair.location}: ${repair.description}: ${reason}`);
  const left = result.diagnostics.filter((d) => d.severity === 'error');
  for (const diagnostic of left) lines.push(`left: ${formatDiagnostic(diagnostic)}`);
  const diff = result.changes.map((c) => unifiedDiff(c.before, c.after, c.file)).join('\n');
  if (diff) lines.push('', diff);
  const describe = (s: FixResult['before']) => `${s.valid ? 'valid' : `invalid (${s.errors} error(s))`}, ${s.findings} finding(s)`;
  lines.push('', `${result.applied.length} repair(s) in ${result.changes.length} file(s): before ${describe(result.before)}; after ${describe(result.after)}`);
  return lines.join('\n');
}

function renderJson(result: FixResult, written: boolean, remaining: number): unknown {
  return {
    format_version: 1,
    dir: result.dir,
    written,
    before: result.before,
    after: result.after,
    remaining_findings: remaining,
    applied: result.applied.map((r) => ({ kind: r.kind, source: r.source, location: r.location, description: r.description, reason: r.reason, ...(r.note ? { note: r.note } : {}), ...(r.policyId ? { policy_id: r.policyId, resource: r.resource } : {}) })),
    rejected: result.rejected.map(({ repair, reason }) => ({ kind: repair.kind, location: repair.location, description: repair.description, reason })),
    changes: result.changes.map((c) => ({ file: c.file, diff: unifiedDiff(c.before, c.after, c.file) })),
  };
}
