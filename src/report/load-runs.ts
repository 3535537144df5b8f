import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { InputError } from '../core/errors.ts';
import { CONFIG_FILE, readResults, RESULTS_FILE, type AttemptRecord } from '../bench/results-store.ts';
import type { RunConfig } from './summarize.ts';

/** The results of several runs, with what each run's configuration says about each of its models. */
export interface RunSet {
  records: AttemptRecord[];
  configs: RunConfig[];
}

/** The fields of `run-config.json` a report uses (a missing or unreadable file gives none: they are inferred). */
function readRunConfig(dir: string): { attempts?: number; samples?: number; judge?: string | null } {
  const path = join(dir, CONFIG_FILE);
  if (!existsSync(path)) return {};
  let config: Record<string, unknown>;
  try {
    config = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new InputError(`${path}: invalid JSON (${(error as Error).message}); fix or delete it (the report then infers attempts and samples)`);
  }
  return {
    ...(typeof config.attempts === 'number' ? { attempts: config.attempts } : {}),
    ...(typeof config.samples === 'number' ? { samples: config.samples } : {}),
    ...(config.judge === null || typeof config.judge === 'string' ? { judge: config.judge } : {}),
  };
}

/**
 * Loads several runs; a model that appears in more than one run is labelled `<model> (<run dir name>)`. Each
 * model keeps its own run's attempt limit, samples and judge.
 */
export function loadRunSet(runDirs: string[]): RunSet {
  const runs = runDirs.map((dir) => {
    if (!existsSync(join(dir, RESULTS_FILE))) throw new InputError(`no ${RESULTS_FILE} in ${dir} (give a directory written by \`iacpac bench --out\`)`);
    return { dir, records: readResults(dir), config: readRunConfig(dir) };
  });
  const seen = new Map<string, number>();
  for (const run of runs) for (const m of new Set(run.records.map((r) => r.model))) seen.set(m, (seen.get(m) ?? 0) + 1);
  const label = (model: string, dir: string) => ((seen.get(model) ?? 0) > 1 ? `${model} (${basename(resolve(dir))})` : model);
  return {
    records: runs.flatMap((run) => run.records.map((r) => ((seen.get(r.model) ?? 0) > 1 ? { ...r, model: label(r.model, run.dir) } : r))),
    configs: runs.flatMap((run) => [...new Set(run.records.map((r) => r.model))].map((model) => ({ model: label(model, run.dir), runDir: run.dir, ...run.config }))),
  };
}

/** The records of several runs (models labelled as in `loadRunSet`). */
export function loadRuns(runDirs: string[]): AttemptRecord[] {
  return loadRunSet(runDirs).records;
}
