import { Option, type Command } from 'commander';
import { collect, severityOption } from '../../options.ts';

/** `iacpac check`: validate + security scan of Terraform directories in one report. */
export function register(program: Command): void {
  program
    .command('check')
    .description('validate and security-scan Terraform directories in one report (exit 1 on errors or findings)')
    .argument('[dirs...]', 'Terraform directories (default: the current directory)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']))
    .addOption(severityOption('lowest severity to report and fail on'))
    .option('--policy <ids>', 'only run these policies (ids, Checkov ids or globs; repeatable)', collect)
    .option('--skip-policy <ids>', 'skip these policies (ids, Checkov ids or globs; repeatable)', collect)
    .option('--policy-dir <dir>', 'also run the Rego policies in this directory (repeatable)', collect)
    .option('--config <file>', 'config file (default: .iacpac.yaml in the current or checked directory)')
    .option('--var <key=value>', 'set an input variable (repeatable)', collect)
    .option('--var-file <file>', 'read input variables from a .tfvars file (repeatable)', collect)
    .option('--no-color', 'plain text output')
    .action(async (dirs: string[] | undefined, options) => {
      const { checkCommand } = await import('./check.ts');
      await checkCommand(dirs ?? [], options);
    });
}
