/**
 * `iacpac rego test`: run test_* rules as `opa test` does, with its report shapes: the pretty report (failing tests,
 * or every test with --verbose, each under its `file:row:` line; print() output; FAILURES with the explain trace;
 * PASS/FAIL/SKIPPED/ERROR counts), `--format json` (OPA's result objects) and `--coverage` (OPA's coverage report).
 * Exit 1 when a test fails, errors or is skipped (unless --exit-zero-on-skipped), as iacpac exits on failures.
 */
import { ExitError, InputError, UsageError } from '../../../core/errors.ts';
import { logger } from '../../../core/logger.ts';
import { CoverageTracer } from '../../../rego/coverage.ts';
import { discoverTests, renameDuplicateTests, runTest, testDisplayName, type RegoTestResult } from '../../../rego/tester.ts';
import { filterTrace, prettyTrace, RecordingTracer, type ExplainMode } from '../../../rego/trace-text.ts';
import type { TraceEvent, Tracer } from '../../../rego/index.ts';
import { createEngine, errorJson, errorsText, jsonText, regoErrorsOf } from './engine.ts';
import { explainMode } from './eval.ts';
import { load } from './load.ts';

export interface RegoTestOptions {
  v0Compatible?: boolean;
  verbose?: boolean;
  run?: string;
  format?: string;
  explain?: string;
  coverage?: boolean;
  threshold?: string;
  ignore?: string[];
  bundle?: boolean;
  capabilities?: string;
  timeout?: string;
  exitZeroOnSkipped?: boolean;
}

/** Go's time.Duration text (`1.234567ms`, `350.2µs`, `2.5s`). */
export function goDuration(ns: number): string {
  if (ns === 0) return '0s';
  const trim = (x: number): string => x.toFixed(9).replace(/\.?0+$/, '');
  if (ns < 1_000) return `${ns}ns`;
  if (ns < 1_000_000) return `${trim(ns / 1_000)}µs`;
  if (ns < 1_000_000_000) return `${trim(ns / 1_000_000)}ms`;
  return `${trim(ns / 1_000_000_000)}s`;
}

function outcome(r: RegoTestResult): string {
  return { pass: 'PASS', fail: 'FAIL', error: 'ERROR', skip: 'SKIPPED' }[r.status];
}

function resultLine(r: RegoTestResult): string {
  return `${testDisplayName(r.test)}: ${outcome(r)} (${goDuration(r.durationNs)})`;
}

/** Feeds one tracer per test and the coverage tracer (when asked). */
class TestTracers implements Tracer {
  current: RecordingTracer | undefined;
  constructor(readonly coverage: CoverageTracer | undefined) {}
  event(e: TraceEvent): void {
    this.current?.event(e);
    this.coverage?.event(e);
  }
}

export async function regoTest(paths: string[], options: RegoTestOptions): Promise<void> {
  const format = options.format ?? 'pretty';
  if (format !== 'pretty' && format !== 'json') throw new UsageError(`--format must be pretty or json, got ${format}`);
  const explain: ExplainMode | undefined = explainMode(options.explain);
  // as opa test: --explain implies --verbose; --verbose alone shows failures and notes
  const verbose = options.verbose === true || explain !== undefined;
  const traceMode: ExplainMode | 'default' | undefined = explain ?? (verbose ? 'default' : undefined);
  const timeoutMs = options.timeout === undefined ? 5_000 : Number(options.timeout);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new UsageError(`--timeout must be a positive number of milliseconds, got ${options.timeout}`);
  const threshold = options.threshold === undefined ? 0 : Number(options.threshold);
  if (!(threshold >= 0 && threshold <= 100)) throw new UsageError('--threshold must be between 0 and 100');
  let run: RegExp | undefined;
  if (options.run) {
    try {
      run = new RegExp(options.run);
    } catch {
      throw new UsageError(`--run: invalid regular expression ${options.run}`);
    }
  }
  const loaded = load(paths, { ignore: options.ignore ?? [], ...(options.bundle ? { bundle: true } : {}) });
  if (loaded.modules.length === 0) throw new InputError(`no .rego files found in ${paths.join(', ')}`);
  let engine;
  try {
    engine = createEngine(loaded, { ...options, timeoutMs });
    renameDuplicateTests(engine.getModules());
    engine.compile();
  } catch (error) {
    const errors = regoErrorsOf(error);
    if (!errors) throw error;
    if (format === 'json') logger.out(jsonText({ errors: errors.map(errorJson) }));
    else logger.err(errorsText(errors));
    throw new ExitError(1);
  }
  const coverage = options.coverage || threshold > 0 ? new CoverageTracer() : undefined;
  const tracers = new TestTracers(coverage);
  const results: Array<RegoTestResult & { trace?: TraceEvent[] }> = [];
  for (const test of discoverTests(engine, run)) {
    tracers.current = traceMode ? new RecordingTracer() : undefined;
    const r = runTest(engine, test, { timeoutMs, ...(coverage || traceMode ? { tracer: tracers } : {}) });
    const events = tracers.current?.events;
    const trace = events && traceMode ? (traceMode === 'default' ? events.filter((e) => e.op === 'fail' || e.op === 'note') : filterTrace(events, traceMode)) : undefined;
    results.push({ ...r, ...(trace ? { trace } : {}) });
  }
  const failed = results.filter((r) => r.status === 'fail' || r.status === 'error' || (r.status === 'skip' && !options.exitZeroOnSkipped));
  if (coverage) {
    if (results.some((r) => r.status === 'fail' || r.status === 'error')) {
      printPretty(results.filter((r) => r.status !== 'pass'), verbose);
      throw new ExitError(1);
    }
    const report = coverage.report(engine.getModules());
    if (report.coverage < threshold) {
      logger.err(`Code coverage threshold not met: got ${report.coverage.toFixed(2)} instead of ${threshold.toFixed(2)}`);
      throw new ExitError(1);
    }
    logger.out(jsonText(report));
    return;
  }
  if (format === 'json') logger.out(jsonText(results.map(resultJson)));
  else printPretty(results, verbose);
  if (failed.length) throw new ExitError(1);
}

function resultJson(r: RegoTestResult): Record<string, unknown> {
  return {
    location: { file: r.test.file, row: r.test.row, col: r.test.col },
    package: r.test.package,
    name: r.test.name,
    ...(r.status === 'fail' ? { fail: true } : {}),
    ...(r.error ? { error: errorJson(r.error) } : {}),
    ...(r.status === 'skip' ? { skip: true } : {}),
    duration: r.durationNs,
    ...(r.output.length ? { output: Buffer.from(`${r.output.join('\n')}\n`).toString('base64') } : {}),
  };
}

function printPretty(results: ReadonlyArray<RegoTestResult & { trace?: TraceEvent[] }>, verbose: boolean): void {
  const hl = '-'.repeat(80);
  let dirty = false;
  let lastFile = '';
  for (const r of results) {
    if (!verbose && r.status === 'pass') continue;
    if (lastFile && lastFile !== r.test.file) logger.out('');
    logger.out(`${r.test.file}:${r.test.row}:`);
    lastFile = r.test.file;
    dirty = true;
    logger.out(resultLine(r));
    for (const sr of r.subResults ?? []) if (sr.fail || verbose) logger.out(`  ${sr.name}: ${sr.fail ? 'FAIL' : 'PASS'}`);
    if (r.output.length) {
      logger.out('');
      for (const line of r.output) logger.out(`  ${line}`);
      logger.out('');
    }
    if (r.error) logger.out(`  ${r.error.message}`);
  }
  const failures = results.filter((r) => r.status === 'fail');
  if (failures.length && verbose) {
    logger.out(hl);
    logger.out('FAILURES');
    logger.out(hl);
    for (const f of failures) {
      logger.out(resultLine(f));
      if (f.trace?.length) {
        logger.out('');
        for (const line of prettyTrace(f.trace)) logger.out(`  ${line}`);
      }
      logger.out('');
    }
  }
  if (dirty) logger.out(hl);
  // as OPA counts: the cases of a parameterised test one by one
  const count = (s: RegoTestResult['status']): number =>
    results.reduce((n, r) => {
      if (r.subResults?.length && (s === 'pass' || s === 'fail') && (r.status === 'pass' || r.status === 'fail'))
        return n + r.subResults.filter((sr) => sr.fail === (s === 'fail')).length;
      return n + (r.status === s ? 1 : 0);
    }, 0);
  const total = count('pass') + count('fail') + count('skip') + count('error');
  if (count('pass')) logger.out(`PASS: ${count('pass')}/${total}`);
  if (count('fail')) logger.out(`FAIL: ${count('fail')}/${total}`);
  if (count('skip')) logger.out(`SKIPPED: ${count('skip')}/${total}`);
  if (count('error')) logger.out(`ERROR: ${count('error')}/${total}`);
}
