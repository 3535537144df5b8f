import { realpath } from 'node:fs/promises';
import type { ValidateResult } from '../core/diagnostics.ts';
import { collectGarbage, heapInUse } from '../core/collect-garbage.ts';
import { IacpacError, errorMessage } from '../core/errors.ts';
import type { ScanResult } from '../scan/finding.ts';
import { Scanner, type PreparedScan, type ScanOptions } from '../scan/scanner.ts';
import { loadSchemas } from '../schema/bundled.ts';
import type { ProviderSchemas } from '../schema/provider-schemas.ts';
import type { TerraformModule } from '../terraform/model.ts';
import { analyze } from './analyze.ts';

/** What to compute for one configuration directory (plain data, so it can be sent to a worker thread). */
export interface RootTask {
  /** The directory as shown in results. */
  dir: string;
  /** Only these files of the directory (`-f/--file`); default: every configuration file. */
  files?: string[];
  validate: boolean;
  scan: boolean;
  options: RootOptions;
}

/** Options shared by every root of a run (plain data). */
export interface RootOptions {
  scanOptions?: ScanOptions;
  /** Extra provider schema files (`terraform providers schema -json`) for validation and planning. */
  schemaFiles?: string[];
  vars?: string[];
  varFiles?: string[];
}

/** The outcome of one configuration directory. */
export interface RootOutcome {
  dir: string;
  validation?: ValidateResult;
  scan?: ScanResult;
  /** Real paths of the local module directories this configuration calls (they are not roots themselves). */
  calledDirs: string[];
  /** The directory could not be analysed at all (bad input): one line, and the exit code it stands for. */
  failure?: { message: string; exitCode: number };
}

const scanners = new Map<string, Scanner>();
const schemaSets = new Map<string, ProviderSchemas>();

/** One compiled scanner per distinct options in this thread (compiling the library is the expensive part). */
export function scannerFor(options: ScanOptions = {}): Scanner {
  const key = JSON.stringify(options);
  let scanner = scanners.get(key);
  if (!scanner) {
    scanner = new Scanner(options);
    scanners.set(key, scanner);
  }
  return scanner;
}

function schemasFor(files: string[]): ProviderSchemas {
  const key = JSON.stringify(files);
  let schemas = schemaSets.get(key);
  if (!schemas) {
    schemas = loadSchemas(files);
    schemaSets.set(key, schemas);
  }
  return schemas;
}

/**
 * Loads, validates and/or scans one configuration directory, from one analysis. Bad input (InputError and other
 * IacpacErrors) becomes `failure` instead of stopping the run, so one broken root does not hide the others.
 * `lastLoad`: this thread loads no configuration after this one (see `LoadOptions.lastLoad`).
 */
export async function analyzeRoot(task: RootTask, lastLoad = false): Promise<RootOutcome> {
  const read: { called: string[] } = { called: [] };
  // The collections below count what this root added to the heap, not what the thread held before it.
  const heapAtStart = heapInUse();
  try {
    // The analysis stays inside `readRoot`: what the scan needs is taken out of it there, so the loaded model can be
    // released before the policies are evaluated (the peak of a scan's memory).
    const { validation, scan } = await readRoot(task, lastLoad, read);
    const outcome: RootOutcome = { dir: task.dir, calledDirs: read.called };
    if (validation) outcome.validation = validation;
    if (scan) {
      // The loaded model is no longer referenced: collected now, V8 sizes the heap for the evaluation from what it
      // needs (the plan), not from the last collection's live set, taken while the model was live.
      collectGarbage(LARGE_HEAP_BYTES, heapAtStart);
      outcome.scan = scan.run();
      // The evaluation's caches and the plan are released now: collected before the results are rendered, the
      // rendering reuses their space instead of growing the heap past the evaluation's peak.
      collectGarbage(LARGE_EVALUATION_HEAP_BYTES, heapAtStart);
    }
    return outcome;
  } catch (error) {
    if (error instanceof IacpacError) return { dir: task.dir, calledDirs: read.called, failure: { message: errorMessage(error), exitCode: error.exitCode } };
    throw error;
  }
}

/**
 * The heap a root's load and plan added above which its scan collects garbage before evaluating: below it the heap's
 * limit stays small anyway, and small scans pay nothing (a generated root adds ~25 MB there with 1,000 resources, ~40 MB
 * with 2,000).
 */
const LARGE_HEAP_BYTES = 32 * 1024 * 1024;

/**
 * The heap a root added (live and garbage) above which its scan collects garbage after its evaluation. The collection
 * costs ~40 ms CPU with ~70 MB in use (5,000 generated resources) and saves only a few MB of peak there; with ~200 MB
 * (20,000 resources) it costs ~90 ms and saves ~50 MB of peak memory.
 */
const LARGE_EVALUATION_HEAP_BYTES = 128 * 1024 * 1024;

/**
 * Loads the configuration, validates it when the task asks, and prepares its scan (synthesising the plan); the called
 * module directories go into `read` as soon as they are known.
 */
async function readRoot(task: RootTask, lastLoad: boolean, read: { called: string[] }): Promise<{ validation?: ValidateResult; scan?: PreparedScan }> {
  const { options } = task;
  const analysis = await analyze(task.dir, {
    vars: options.vars ?? [],
    varFiles: options.varFiles ?? [],
    ...(task.files ? { files: task.files } : {}),
    ...(lastLoad ? { lastLoad } : {}),
    // Validation alone uses no input values (as terraform validate): the automatic tfvars files are not read.
    ...(task.scan ? {} : { inputValues: 'explicit' as const }),
    ...(options.schemaFiles?.length ? { schemas: schemasFor(options.schemaFiles) } : {}),
  });
  // Known as soon as the configuration is loaded, so a root that fails later (a bound while planning) still
  // tells which directories are its modules rather than roots of their own.
  read.called = await calledDirs(analysis.configuration.root);
  return {
    ...(task.validate ? { validation: analysis.validation } : {}),
    ...(task.scan ? { scan: analysis.prepareScan(scannerFor(options.scanOptions)) } : {}),
  };
}

async function calledDirs(root: TerraformModule): Promise<string[]> {
  const out = new Set<string>();
  const visit = async (module: TerraformModule): Promise<void> => {
    for (const call of module.moduleCalls) {
      if (!call.module) continue;
      out.add(await realpath(call.module.dir).catch(() => call.module?.dir ?? ''));
      await visit(call.module);
    }
  };
  await visit(root);
  return [...out];
}
