import { readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { InputError } from '../core/errors.ts';
import type { ValidateResult } from '../core/diagnostics.ts';
import type { ScanResult } from '../scan/finding.ts';
import { isConfigFileName } from '../terraform/load-files.ts';
import { scannerFor, type RootOptions, type RootTask } from './analyze-root.ts';
import { findConfigurationDirs } from './discover-roots.ts';
import { analyzeRoots } from './worker-pool.ts';

/** What a run computes for each root: validation (`validate`), the scan (`scan`), or both (`check`). */
export interface RunInputsOptions extends RootOptions {
  validate: boolean;
  scan: boolean;
  /** Threads analysing roots at once (this one included); default: by the number of roots and cores. */
  jobs?: number;
  /** The text of standard input, read when a path is `-` (a plan JSON document). */
  readStdin?: () => Promise<string>;
}

/** The outcome for one root module, single-file selection, or plan document. */
export interface InputResult {
  /** The directory (or plan file, or `(stdin)`) as the results name it. */
  dir: string;
  kind: 'directory' | 'files' | 'plan';
  validation?: ValidateResult;
  scan?: ScanResult;
  /** The input could not be analysed at all: one line, and the exit code it stands for (2 for bad input). */
  failure?: { message: string; exitCode: number };
}

export interface RunInputsResult {
  results: InputResult[];
  /** Given directories with no Terraform configuration at or below them (skipped, so a shell glob still works). */
  empty: string[];
}

/** Where a path given on the command line leads. */
type Planned =
  | { kind: 'roots'; given: string; dirs: string[] }
  | { kind: 'files'; dir: string; files: string[] }
  | { kind: 'plan'; label: string; read: () => Promise<string> };

/**
 * Runs validation and/or the scan over command-line inputs, as a repository scanner does:
 * - a directory is searched for every Terraform root module at or below it (skipping `.terraform/`, hidden
 *   directories and `node_modules/`; a directory that another one calls as a local module is not a root), each
 *   reported on its own;
 * - `files` (and paths naming `*.tf`/`*.tf.json` files) are analysed alone, grouped by directory, like `checkov -f`;
 * - a `.json` path is a plan document (`terraform show -json`), `-` one read from standard input (scan only).
 * Roots run in parallel worker threads when there are enough of them (`jobs`).
 */
export async function runInputs(paths: string[], files: string[], options: RunInputsOptions): Promise<RunInputsResult> {
  const planned: Planned[] = [];
  const empty: string[] = [];
  const fileGroups = new Map<string, string[]>();
  const addFile = (file: string): void => {
    const dir = dirname(file);
    fileGroups.set(dir, [...(fileGroups.get(dir) ?? []), basename(file)]);
  };
  let stdinUsed = false;
  for (const path of paths) {
    if (path === '-') {
      if (stdinUsed) throw new InputError('-: standard input can be read only once');
      stdinUsed = true;
      const read = options.readStdin;
      if (!read) throw new InputError('-: no standard input to read a plan from');
      planned.push({ kind: 'plan', label: '(stdin)', read });
      continue;
    }
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new InputError(`${path}: no such file or directory; pass a Terraform directory, a .tf file or a plan JSON file`);
    if (info.isDirectory()) {
      const dirs = await findConfigurationDirs(path);
      if (dirs.length === 0) empty.push(path);
      else planned.push({ kind: 'roots', given: path, dirs });
    } else if (isConfigFileName(basename(path))) {
      addFile(path);
    } else if (path.endsWith('.json')) {
      planned.push({ kind: 'plan', label: path, read: () => readFile(path, 'utf8') });
    } else {
      throw new InputError(`${path}: not a directory, a Terraform file (*.tf, *.tf.json) or a plan JSON file`);
    }
  }
  for (const file of files) {
    const info = await stat(file).catch(() => undefined);
    if (!info) throw new InputError(`--file ${file}: no such file`);
    if (!info.isFile()) throw new InputError(`--file ${file}: not a file; pass directories as arguments`);
    if (isConfigFileName(basename(file))) addFile(file);
    else if (file.endsWith('.json')) planned.push({ kind: 'plan', label: file, read: () => readFile(file, 'utf8') });
    else throw new InputError(`--file ${file}: not a Terraform file (*.tf, *.tf.json) or a plan JSON file`);
  }
  for (const [dir, names] of fileGroups) planned.push({ kind: 'files', dir, files: [...new Set(names)] });
  if (planned.length === 0) {
    throw new InputError(`${paths.join(', ') || '.'}: no Terraform configuration files (*.tf or *.tf.json) here or in any subdirectory`);
  }
  if (planned.some((p) => p.kind === 'plan') && options.validate) {
    const plan = planned.find((p) => p.kind === 'plan') as { label: string };
    if (!options.scan) throw new InputError(`${plan.label}: a plan JSON document cannot be validated; pass the Terraform directory`);
  }

  // Every configuration directory is analysed (in parallel); which are roots is known once their module calls are.
  const tasks: RootTask[] = [];
  const owners: Array<{ planned: Planned; given?: string }> = [];
  for (const p of planned) {
    if (p.kind === 'roots') {
      for (const dir of p.dirs) {
        tasks.push({ dir: displayDir(p.given, dir), validate: options.validate, scan: options.scan, options: rootOptions(options) });
        owners.push({ planned: p, given: p.given });
      }
    } else if (p.kind === 'files') {
      tasks.push({ dir: p.dir, files: p.files, validate: options.validate, scan: options.scan, options: rootOptions(options) });
      owners.push({ planned: p });
    }
  }
  const outcomes = await analyzeRoots(tasks, options.jobs);
  const called = new Set(outcomes.flatMap((o) => o.calledDirs));
  const realDirs = await Promise.all(tasks.map((t) => realpath(t.dir).catch(() => resolve(t.dir))));

  const results: InputResult[] = [];
  let taskIndex = 0;
  for (const p of planned) {
    if (p.kind === 'plan') {
      const scanner = scannerFor(options.scanOptions);
      let plan: unknown;
      const text = await p.read();
      try {
        plan = JSON.parse(text);
      } catch (error) {
        throw new InputError(`${p.label}: not valid JSON (${(error as Error).message}); pass \`terraform show -json\` output`);
      }
      results.push({ dir: p.label, kind: 'plan', scan: scanner.scanPlan(plan, p.label) });
      continue;
    }
    const count = p.kind === 'roots' ? p.dirs.length : 1;
    for (let i = 0; i < count; i++, taskIndex++) {
      const outcome = outcomes[taskIndex];
      const task = tasks[taskIndex];
      if (!outcome || !task) continue;
      // A discovered directory that another configuration calls as a module is part of that root, not a root.
      const isGiven = p.kind === 'files' || resolve(task.dir) === resolve((owners[taskIndex]?.given ?? task.dir));
      if (!isGiven && called.has(realDirs[taskIndex] ?? '')) continue;
      results.push({
        dir: outcome.dir,
        kind: p.kind === 'files' ? 'files' : 'directory',
        ...(outcome.validation ? { validation: outcome.validation } : {}),
        ...(outcome.scan ? { scan: outcome.scan } : {}),
        ...(outcome.failure ? { failure: outcome.failure } : {}),
      });
    }
  }
  return { results, empty };
}

function rootOptions(options: RunInputsOptions): RootOptions {
  return {
    ...(options.scanOptions ? { scanOptions: options.scanOptions } : {}),
    ...(options.schemaFiles ? { schemaFiles: options.schemaFiles } : {}),
    ...(options.vars ? { vars: options.vars } : {}),
    ...(options.varFiles ? { varFiles: options.varFiles } : {}),
  };
}

/** `given` itself as given; directories below it as `given/sub/dir`. */
function displayDir(given: string, dir: string): string {
  const rel = relative(given, dir);
  return rel === '' ? given : join(given, rel);
}
