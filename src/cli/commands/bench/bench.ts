import { resolve } from 'node:path';
import { z } from 'zod';
import { UsageError } from '../../../core/errors.ts';
import { logger } from '../../../core/logger.ts';
import { assetPath } from '../../../core/package-root.ts';
import { loadDataset, type BenchTask } from '../../../bench/dataset.ts';
import { createEvaluator } from '../../../bench/evaluator.ts';
import { createJudge } from '../../../bench/judge.ts';
import { judgeHealthLines } from '../../../bench/judge-health.ts';
import { resolveBenchModel } from '../../../bench/models/resolve.ts';
import { ProgressReporter } from './progress.ts';
import { loadPromptTemplates } from '../../../bench/prompts.ts';
import { runBench } from '../../../bench/run-bench.ts';

const positiveInt = (name: string) =>
  z.coerce.number({ invalid_type_error: `--${name} must be a number` }).int(`--${name} must be a whole number`).positive(`--${name} must be at least 1`);

const BenchOptions = z.object({
  dataset: z.string().optional(),
  model: z.array(z.string()).min(1, 'give at least one --model (e.g. --model reference, --model openai:gpt-4o-mini)').optional(),
  provider: z.string().optional(),
  baseUrl: z.string().optional(),
  attempts: positiveInt('attempts'),
  samples: positiveInt('samples'),
  difficulty: z
    .string()
    .regex(/^[1-6](,[1-6])*$/, '--difficulty takes levels 1-6, comma-separated (e.g. 1,2)')
    .transform((s) => s.split(',').map(Number))
    .optional(),
  limit: positiveInt('limit').optional(),
  seed: z.coerce.number().int().optional(),
  engine: z.enum(['embedded', 'terraform', 'tofu'], { errorMap: () => ({ message: '--engine must be embedded, terraform or tofu' }) }),
  pluginDir: z.string().optional(),
  scanner: z.enum(['iacpac', 'checkov'], { errorMap: () => ({ message: '--scanner must be iacpac or checkov' }) }),
  judgeModel: z.string().optional(),
  concurrency: positiveInt('concurrency').optional(),
  prompts: z.string().optional(),
  autofix: z.boolean().optional(),
  cache: z.boolean().default(true),
  out: z.string(),
  report: z.boolean().optional(),
});
export type BenchCommandOptions = z.input<typeof BenchOptions>;

export async function bench(raw: BenchCommandOptions): Promise<void> {
  const parsed = BenchOptions.safeParse(raw);
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]!.message);
  const options = parsed.data;
  if (!options.model?.length) throw new UsageError('give at least one --model (e.g. --model reference, --model openai:gpt-4o-mini)');
  const datasetPath = options.dataset ? resolve(options.dataset) : assetPath('datasets', 'iac-eval.jsonl.gz');
  const tasks: BenchTask[] = await loadDataset(datasetPath, {
    ...(options.difficulty ? { difficulties: options.difficulty } : {}),
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
  if (tasks.length === 0) throw new UsageError('no tasks left after --difficulty/--limit filtering');
  const llm = { ...(options.provider ? { provider: options.provider } : {}), ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), cache: options.cache };
  const models = [];
  for (const spec of options.model) models.push(await resolveBenchModel(spec, tasks, { ...llm, ...(options.concurrency ? { concurrency: options.concurrency } : {}) }));
  const names = new Set<string>();
  for (const m of models) {
    if (names.has(m.name)) throw new UsageError(`model "${m.name}" is given twice`);
    names.add(m.name);
  }
  const judge = options.judgeModel ? await createJudge(options.judgeModel, llm) : undefined;
  const templates = loadPromptTemplates(options.prompts ? resolve(options.prompts) : undefined);
  const evaluator = await createEvaluator({ engine: options.engine, scanner: options.scanner, autofix: options.autofix === true, ...(options.pluginDir ? { pluginDir: options.pluginDir } : {}) });
  const progress = new ProgressReporter();
  logger.err(`iacpac bench: ${tasks.length} tasks × ${models.length} model(s) × ${options.samples} sample(s), up to ${options.attempts} attempts; results in ${options.out}/results.jsonl`);
  const result = await runBench({
    tasks,
    models,
    outDir: options.out,
    attempts: options.attempts,
    samples: options.samples,
    templates,
    evaluator,
    ...(judge ? { judge } : {}),
    config: {
      dataset: options.dataset ?? 'bundled:iac-eval.jsonl.gz',
      models: models.map((m) => m.name),
      judge: options.judgeModel ?? null,
      attempts: options.attempts,
      samples: options.samples,
      difficulty: options.difficulty ?? null,
      limit: options.limit ?? null,
      seed: options.seed ?? null,
      engine: options.engine,
      scanner: options.scanner,
      autofix: options.autofix === true,
      prompts: options.prompts ?? 'bundled:few-shot.yaml',
    },
    onProgress: (event) => progress.update(event),
  });
  progress.finish();
  logger.err(`done: ${result.ran} sample(s) run, ${result.skipped} already finished (resumed)`);
  for (const line of judgeHealthLines(options.out, options.judgeModel ?? null)) logger.err(line);
  const { report, printTables } = await import('../report/report.ts');
  if (options.report) await report([options.out], {});
  else printTables([options.out]);
}
