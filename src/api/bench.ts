import { resolve } from 'node:path';
import { loadDataset } from '../bench/dataset.ts';
import { createEvaluator } from '../bench/evaluator.ts';
import { resolveBenchModel } from '../bench/models/resolve.ts';
import { loadPromptTemplates } from '../bench/prompts.ts';
import { runBench, type RunBenchResult } from '../bench/run-bench.ts';
import { UsageError } from '../core/errors.ts';
import { assetPath } from '../core/package-root.ts';

/** Options of {@link bench}: the library form of `iacpac bench`. */
export interface BenchApiOptions {
  /** Models: `reference` (the dataset's own answers), `replay:<file>`, `<provider>:<model-id>`. */
  models: string[];
  /** Run directory (results.jsonl, run-config.json); rerun to resume. */
  out: string;
  /** IaC-Eval dataset (.jsonl[.gz], .csv or .parquet); default: the bundled copy. */
  dataset?: string;
  attempts?: number;
  samples?: number;
  /** Only these difficulty levels (1-6). */
  difficulties?: number[];
  limit?: number;
  seed?: number;
  /** Also check each script after iacpac's deterministic repairs (`iacpac fix`), recorded beside the unrepaired checks. */
  autofix?: boolean;
}

/**
 * Reproduces the IaC-Eval security-compliance study for the given models and appends every attempt to
 * `<out>/results.jsonl` (render it with `iacpac report <out>`). Resolves to what ran and the attempt records.
 *
 *   const run = await bench({ models: ['reference'], out: 'bench-run', limit: 5 });
 */
export async function bench(options: BenchApiOptions): Promise<RunBenchResult> {
  if (!options || !Array.isArray(options.models) || options.models.length === 0) throw new UsageError("bench: expected { models: ['reference' | 'replay:<file>' | '<provider>:<model>'], out: '<dir>' }");
  if (typeof options.out !== 'string' || !options.out) throw new UsageError('bench: expected out: the run directory');
  const tasks = await loadDataset(options.dataset ? resolve(options.dataset) : assetPath('datasets', 'iac-eval.jsonl.gz'), {
    ...(options.difficulties ? { difficulties: options.difficulties } : {}),
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
  if (tasks.length === 0) throw new UsageError('bench: no tasks left after the difficulty/limit filters');
  const models = [];
  for (const spec of options.models) models.push(await resolveBenchModel(spec, tasks, {}));
  const attempts = options.attempts ?? 5;
  const samples = options.samples ?? 1;
  return runBench({
    tasks,
    models,
    outDir: options.out,
    attempts,
    samples,
    templates: loadPromptTemplates(undefined),
    evaluator: await createEvaluator({ engine: 'embedded', scanner: 'iacpac', autofix: options.autofix === true }),
    config: { dataset: options.dataset ?? 'bundled:iac-eval.jsonl.gz', models: models.map((m) => m.name), attempts, samples, limit: options.limit ?? null, seed: options.seed ?? null, autofix: options.autofix === true },
  });
}
