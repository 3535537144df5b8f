import type { Command } from 'commander';
import type { RegoEvalOptions } from './commands.ts';
import { collect } from '../../options.ts';

/** `iacpac rego eval|check|test`: the embedded Rego engine, with OPA-like commands. */
export function register(program: Command): void {
  const rego = program.command('rego').description('evaluate, check and test Rego policies with the embedded engine (no opa binary needed)');
  rego
    .command('eval')
    .description('Evaluate a Rego query (output shaped like `opa eval --format json`)')
    .argument('<query>', 'Rego query, e.g. data.example.deny')
    .option('-d, --data <file|dir>', 'Rego module (.rego) or data file (.json/.yaml), or a directory of them (repeatable)', collect, [])
    .option('-i, --input <file>', 'input document (JSON or YAML)')
    .option('--data-file <file>', 'base data document (JSON)', collect, [])
    .option('-f, --format <format>', 'json | pretty', 'json')
    .option('--v0-compatible', 'parse modules as Rego v0 unless they import rego.v1')
    .option('--strict-builtin-errors', 'abort evaluation on the first builtin error')
    .option('--timeout <ms>', 'evaluation time budget in milliseconds', '30000')
    .option('--fail', 'exit 1 when the result is undefined (like opa eval --fail)')
    .option('--fail-defined', 'exit 1 when the result is defined (like opa eval --fail-defined)')
    .action(async (query: string, options: RegoEvalOptions) => {
      const { regoEval } = await import('./commands.ts');
      await regoEval(query, options);
    });
  rego
    .command('check')
    .description('Parse and compile Rego modules; report errors as file:line:col (exit 1 on errors)')
    .argument('<paths...>', 'Rego files or directories')
    .option('--v0-compatible', 'parse modules as Rego v0 unless they import rego.v1')
    .option('-f, --format <format>', 'pretty | json (opa check --format json shape)', 'pretty')
    .action(async (paths: string[], options: { v0Compatible?: boolean; format?: string }) => {
      const { regoCheck } = await import('./commands.ts');
      await regoCheck(paths, options);
    });
  rego
    .command('test')
    .description('Run test_* rules like `opa test` (PASS/FAIL per test, exit 1 on failure)')
    .argument('<paths...>', 'directories or files with policies, tests and data')
    .option('--v0-compatible', 'parse modules as Rego v0 unless they import rego.v1')
    .option('-v, --verbose', 'print print() output of tests')
    .option('-r, --run <regex>', 'only run tests whose name matches')
    .action(async (paths: string[], options: { v0Compatible?: boolean; verbose?: boolean; run?: string }) => {
      const { regoTest } = await import('./commands.ts');
      await regoTest(paths, options);
    });
}
