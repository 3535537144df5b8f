import { realpath } from 'node:fs/promises';
import type { ValidateResult } from '../core/diagnostics.ts';
import { IacpacError, errorMessage } from '../core/errors.ts';
import type { ScanResult } from '../scan/finding.ts';
import { Scanner, type ScanOptions } from '../scan/scanner.ts';
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
  const { options } = task;
  let called: string[] = [];
  try {
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
    called = await calledDirs(analysis.configuration.root);
    const outcome: RootOutcome = { dir: task.dir, calledDirs: called };
    if (task.validate) outcome.validation = analysis.validation;
    if (task.scan) outcome.scan = analysis.scan(scannerFor(options.scanOptions));
    return outcome;
  } catch (error) {
    if (error instanceof IacpacError) return { dir: task.dir, calledDirs: called, failure: { message: errorMessage(error), exitCode: error.exitCode } };
    throw error;
  }
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
