import type { Command } from 'commander';
import { collect } from '../../options.ts';

export function register(program: Command): void {
  program
    .command('bench')
    .description('benchmark LLMs on IaC-Eval: validation pass rate over retries, object recall/precision, intent, security findings')
    .option('--dataset <file>', 'IaC-Eval dataset (.jsonl[.gz], original .csv or .parquet); default: the bundled copy')
    .option('--model <spec>', 'model to run: reference | replay:<file> | <provider>:<model-id> | <model-id> with --provider (repeatable)', collect)
    .option('--provider <name>', 'provider for bare model ids: openai | azure | anthropic | ollama | openai-compatible')
    .option('--base-url <url>', 'endpoint for the provider (e.g. a local OpenAI-compatible server)')
    .option('--attempts <n>', 'attempts per sample, with validator feedback between them', '5')
    .option('--samples <k>', 'samples per task (for pass@k)', '1')
    .option('--difficulty <levels>', 'only these difficulty levels, e.g. 1,2,3')
    .option('--limit <n>', 'only the first n tasks (after --seed shuffling)')
    .option('--seed <n>', 'shuffle tasks deterministically with this seed')
    .option('--engine <engine>', 'validator: embedded | terraform | tofu', 'embedded')
    .option('--plugin-dir <dir>', 'provider plugin directory for --engine terraform|tofu')
    .option('--scanner <scanner>', 'security scanner: iacpac | checkov', 'iacpac')
    .option('--judge-model <spec>', 'LLM judge for the intent score (same syntax as --model)')
    .option('--concurrency <n>', 'concurrent requests per model (default: per provider)')
    .option('--prompts <file>', 'prompt templates YAML (default: the bundled few-shot templates)')
    .option('--autofix', 'also check each script after iacpac\'s deterministic repairs (iacpac fix) and report both side by side')
    .option('--no-cache', 'do not use the on-disk response cache')
    .option('--out <dir>', 'run directory (results.jsonl, run-config.json, attempts/); rerun to resume', 'iacpac-bench')
    .option('--report', 'render the report (tables and charts) into <out>/report when done')
    .action(async (options: Record<string, unknown>) => {
      const { bench } = await import('./bench.ts');
      await bench(options as never);
    });
}
