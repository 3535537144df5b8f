import type { Command } from 'commander';
import { collect } from '../../options.ts';
import type { RegoCheckOptions } from './check.ts';
import type { RegoEvalOptions } from './eval.ts';
import type { RegoTestOptions } from './test.ts';

/** `iacpac rego eval|check|test`: the embedded Rego engine, with OPA's commands and flags. */
export function register(program: Command): void {
  const rego = program.command('rego').description('evaluate, check and test Rego policies with the embedded engine (no opa binary needed)');
  rego
    .command('eval')
    .description('Evaluate a Rego query (output shaped like `opa eval --format json`)')
    .argument('<query>', 'Rego query, e.g. data.example.deny')
    .option('-d, --data <file|dir>', 'Rego module (.rego) or data file (.json/.yaml), or a directory of them (repeatable)', collect, [])
    .option('-b, --bundle <dir>', 'bundle directory (.manifest roots and rego_version; repeatable)', collect, [])
    .option('-i, --input <file>', 'input document (JSON or YAML)')
    .option('--data-file <file>', 'base data document (JSON)', collect, [])
    .option('-f, --format <format>', 'json | pretty', 'json')
    .option('--v0-compatible', 'parse modules as Rego v0 unless they import rego.v1')
    .option('-S, --strict', 'OPA strict mode: unused assignments, arguments and imports, duplicate imports, deprecated builtins are errors')
    .option('--capabilities <file>', 'only the builtins of this OPA capabilities JSON (also declares custom ones)')
    .option('--ignore <glob>', 'skip files and directories whose name matches (repeatable)', collect, [])
    .option('--explain <mode>', 'print an evaluation trace on stderr: fails | full | notes')
    .option('--strict-builtin-errors', 'abort evaluation on the first builtin error')
    .option('--timeout <ms>', 'evaluation time budget in milliseconds', '30000')
    .option('--fail', 'exit 1 when the result is undefined (like opa eval --fail)')
    .option('--fail-defined', 'exit 1 when the result is defined (like opa eval --fail-defined)')
    .action(async (query: string, options: RegoEvalOptions) => {
      const { regoEval } = await import('./eval.ts');
      await regoEval(query, options);
    });
  rego
    .command('check')
    .description('Parse and compile Rego modules like `opa check`; errors as file:line:col (exit 1 on errors)')
    .argument('<paths...>', 'Rego files or directories')
    .option('--v0-compatible', 'parse modules as Rego v0 unless they import rego.v1')
    .option('--v0-v1', 'accepted for opa check compatibility: modules importing rego.v1 are checked as v1')
    .option('-S, --strict', 'OPA strict mode: unused assignments, arguments and imports, duplicate imports, deprecated builtins are errors')
    .option('--capabilities <file>', 'only the builtins of this OPA capabilities JSON (also declares custom ones)')
    .option('--ignore <glob>', 'skip files and directories whose name matches (repeatable)', collect, [])
    .option('-b, --bundle', 'load the paths as bundles (.manifest roots and rego_version)')
    .option('-f, --format <format>', 'pretty | json (opa check --format json shape)', 'pretty')
    .action(async (paths: string[], options: RegoCheckOptions) => {
      const { regoCheck } = await import('./check.ts');
      await regoCheck(paths, options);
    });
  rego
    .command('test')
    .description('Run test_* rules like `opa test` (exit 1 when a test fails, errors or is skipped)')
    .argument('<paths...>', 'directories or files with policies, tests and data')
    .option('--v0-compatible', 'parse modules as Rego v0 unless they import rego.v1')
    .option('-v, --verbose', 'report every test, with print() output and failure traces')
    .option('-r, --run <regex>', 'only run tests whose name (data.pkg.test_x) matches')
    .option('--explain <mode>', 'failure traces in the report (implies --verbose): fails | full | notes')
    .option('-c, --coverage', "print the coverage report (opa test --coverage's JSON) instead of the test report")
    .option('--threshold <percent>', 'with --coverage: exit 1 below this coverage')
    .option('-f, --format <format>', 'pretty | json (opa test --format json shape)', 'pretty')
    .option('--ignore <glob>', 'skip files and directories whose name matches (repeatable)', collect, [])
    .option('-b, --bundle', 'load the paths as bundles (.manifest roots and rego_version)')
    .option('--capabilities <file>', 'only the builtins of this OPA capabilities JSON (also declares custom ones)')
    .option('--timeout <ms>', 'time budget per test in milliseconds', '5000')
    .option('-z, --exit-zero-on-skipped', 'skipped (todo_test_) tests do not fail the run')
    .action(async (paths: string[], options: RegoTestOptions) => {
      const { regoTest } = await import('./test.ts');
      await regoTest(paths, options);
    });
}
