import { Option, type Command } from 'commander';
import { collect, severityOption } from '../../options.ts';

/** `iacpac scan`: run the security policy library over Terraform directories or plan JSON files. */
export function register(program: Command): void {
  program
    .command('scan')
    .description('scan Terraform directories or plan JSON files (terraform show -json) with the security policy library')
    .argument('[paths...]', 'Terraform directories and/or plan JSON files (default: the current directory)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'jsonl', 'sarif', 'junit']))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .addOption(severityOption('lowest severity to report and fail on'))
    .option('--policy <ids>', 'only run these policies (ids, Checkov ids or globs; repeatable, comma-separated)', collect)
    .option('--skip-policy <ids>', 'skip these policies (ids, Checkov ids or globs; repeatable)', collect)
    .option('--policy-dir <dir>', 'also run the Rego policies in this directory (repeatable)', collect)
    .option('--no-library', 'do not run the bundled policy library (only --policy-dir policies)')
    .addOption(new Option('--scanner <name>', 'scanner backend').choices(['iacpac', 'checkov']))
    .option('--config <file>', 'config file (default: .iacpac.yaml in the current or scanned directory)')
    .option('--var <key=value>', 'set an input variable (repeatable)', collect)
    .option('--var-file <file>', 'read input variables from a .tfvars file (repeatable)', collect)
    .option('--no-color', 'plain text output')
    .action(async (paths: string[] | undefined, options) => {
      const { scanCommand } = await import('./scan.ts');
      await scanCommand(paths ?? [], options);
    });
}
