import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { runInputs } from '../../../analysis/run-inputs.ts';
import { ExitError, InputError, UsageError } from '../../../core/errors.ts';
import { logger } from '../../../core/logger.ts';
import { docUrl, packageVersion, repositoryUrl } from '../../../core/package-root.ts';
import { checkovAvailable, mapCheckovReport, runCheckov } from '../../../scan/checkov.ts';
import { isBlockingIn, type ScanResult } from '../../../scan/finding.ts';
import { renderJson, renderJsonl } from '../../../scan/outputs/json.ts';
import { renderJunit } from '../../../scan/outputs/junit.ts';
import { renderSarif } from '../../../scan/outputs/sarif.ts';
import { renderCheckText } from '../../../scan/outputs/text.ts';
import { policyAnchor } from '../../../scan/policy-docs.ts';
import { loadLibrary } from '../../../scan/policy-library.ts';
import type { PolicyInfo } from '../../../scan/policy-metadata.ts';
import { scannerFor } from '../../../analysis/analyze-root.ts';
import { stdoutColor } from '../../color.ts';
import { readStdin } from '../../stdin.ts';
import { resolveScanOptions, type OutputFormat, type ResolvedScan, type ScanCommandOptions } from './options.ts';

/** What a scan-like command produced: one result per root/file/plan, the policies run, and bad-input failures. */
export interface ScanRun {
  results: ScanResult[];
  policies: PolicyInfo[];
  /** Exit code 2 when an input could not be analysed at all (reported in its result's errors). */
  failed: boolean;
}

/** Scans (and, for `check`, validates) every input with the chosen scanner. */
export async function runScan(resolved: ResolvedScan, validate: boolean): Promise<ScanRun> {
  if (resolved.scanner === 'checkov') {
    if (validate) throw new UsageError('--scanner checkov: use it with iacpac scan (check validates with the embedded engine)');
    if (!checkovAvailable()) throw new UsageError('--scanner checkov: checkov is not on PATH; install it (pip install checkov) or drop --scanner');
    const library = loadLibrary().policies;
    const results = resolved.inputs.map((path) => {
      const result = mapCheckovReport(runCheckov(path), path, library);
      result.findings = result.findings.filter((f) => isBlockingIn({ ...f, suppressed: false }, resolved.severities));
      return result;
    });
    return { results, policies: library, failed: false };
  }
  const { results: outcomes, empty } = await runInputs(resolved.inputs, resolved.files, {
    validate,
    scan: true,
    scanOptions: resolved.scanOptions,
    vars: resolved.scanOptions.vars ?? [],
    varFiles: resolved.scanOptions.varFiles ?? [],
    ...(resolved.jobs ? { jobs: resolved.jobs } : {}),
    readStdin,
  });
  for (const dir of empty) logger.err(`iacpac: ${dir}: no Terraform configuration files (*.tf or *.tf.json) here or below; skipped`);
  // Nothing could be analysed: one line and exit 2, as for any bad input.
  const firstFailure = outcomes[0]?.failure;
  if (firstFailure && outcomes.every((o) => o.failure)) throw new InputError(firstFailure.message);
  let failed = false;
  const results: ScanResult[] = outcomes.map((outcome) => {
    if (outcome.failure) {
      failed = true;
      logger.err(`iacpac: ${outcome.failure.message}`);
      return { dir: outcome.dir, findings: [], errors: [{ message: outcome.failure.message, code: 'input' }], partial: true, notices: [], policies: 0, resources: 0 };
    }
    const scan = outcome.scan as ScanResult;
    return outcome.validation ? { ...scan, validation: outcome.validation } : scan;
  });
  return { results, policies: scannerFor(resolved.scanOptions).policies, failed };
}

/** Renders the results in one format. Colour only where asked (never in files). */
export function renderResults(
  results: ScanResult[],
  policies: PolicyInfo[],
  format: OutputFormat,
  options: { color?: boolean; compact?: boolean; quiet?: boolean } = {},
): string {
  switch (format) {
    case 'json':
      return renderJson(results, { toolVersion: packageVersion() });
    case 'jsonl':
      return renderJsonl(results);
    case 'sarif':
      return renderSarif(results, policies, {
        toolVersion: packageVersion(),
        helpUri: (policy) => (policy.builtin ? docUrl('policies.md', policyAnchor(policy.id)) : undefined),
        ...(repositoryUrl() ? { informationUri: repositoryUrl() as string } : {}),
      });
    case 'junit':
      return renderJunit(results);
    case 'text':
      return renderCheckText(results, options);
  }
}

/**
 * Writes every output target, applies the baseline, and decides the exit code: 2 when an input could not be
 * analysed, 1 with findings at the selected severities, an invalid configuration or a partial result (unless
 * --allow-partial) (0 with --soft-fail), else 0.
 */
export async function reportScan(run: ScanRun, resolved: ResolvedScan, colorOption: boolean | undefined): Promise<void> {
  let results = run.results;
  // The baseline module (and zod, which reads the file) is loaded only by runs that use one.
  if (resolved.baseline) {
    const { applyBaseline, readBaseline } = await import('../../../scan/baseline.ts');
    results = applyBaseline(results, readBaseline(resolved.baseline), resolved.baseline);
  }
  for (const target of resolved.outputs) {
    const text = renderResults(results, run.policies, target.format, {
      color: target.file ? false : stdoutColor(colorOption),
      compact: resolved.compact,
      quiet: resolved.quiet,
    });
    if (target.file) {
      mkdirSync(dirname(target.file), { recursive: true });
      writeFileSync(target.file, text);
    } else {
      logger.out(text);
    }
  }
  if (resolved.createBaseline) {
    const { createBaseline } = await import('../../../scan/baseline.ts');
    const baseline = createBaseline(results, resolved.createBaseline, `iacpac ${packageVersion()}`);
    writeFileSync(resolved.createBaseline, `${JSON.stringify(baseline, null, 2)}\n`);
    const count = baseline.findings.reduce((n, f) => n + f.policies.length, 0);
    logger.err(`iacpac: wrote ${resolved.createBaseline} (${count} findings on ${baseline.findings.length} resources); scan with --baseline ${resolved.createBaseline} to report only new ones`);
    if (run.failed) throw new ExitError(2);
    return;
  }
  if (run.failed) throw new ExitError(2);
  const invalid = results.some((r) => r.validation && !r.validation.valid);
  const blocking = results.some((r) => r.findings.some((f) => isBlockingIn(f, resolved.severities)));
  // Never fail open: what could not be checked may hide a finding, so it fails the run unless accepted.
  const partial = results.filter((r) => r.partial).length;
  if (partial > 0 && !resolved.allowPartial && !resolved.softFail && !invalid && !blocking) {
    logger.err(`iacpac: ${partial} of ${results.length} input${results.length === 1 ? '' : 's'} could not be checked completely (see the report); findings may be missing: fix what it names, or pass --allow-partial to accept partial results`);
  }
  if ((invalid || blocking || (partial > 0 && !resolved.allowPartial)) && !resolved.softFail) throw new ExitError(1);
}

/** `iacpac scan [paths...]`: exit 0 without findings at the selected severities, 1 with, 2 on usage/input errors. */
export async function scanCommand(paths: string[], options: ScanCommandOptions): Promise<void> {
  const resolved = await resolveScanOptions(paths, options);
  await reportScan(await runScan(resolved, false), resolved, options.color);
}
