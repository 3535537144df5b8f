import { Option, type Command } from 'commander';
import { collect } from '../../options.ts';

/** `iacpac plan`: the `terraform show -json` plan of a configuration, synthesised offline or from the real CLI. */
export function register(program: Command): void {
  program
    .command('plan')
    .description('print the plan of a Terraform directory as "terraform show -json" does, without a cloud account')
    .argument('<dir>', 'Terraform configuration directory')
    .option('--var <key=value>', 'set an input variable (repeatable)', collect)
    .option('--var-file <file>', 'read input variables from a .tfvars file (repeatable)', collect)
    .addOption(new Option('--engine <engine>', 'embedded synthesis or the real CLI').choices(['embedded', 'terraform', 'tofu']).default('embedded'))
    .addOption(new Option('--format <format>', 'plan JSON or a text summary').choices(['json', 'text']).default('json'))
    .option('--allow-exec', 'let --engine terraform|tofu plan configurations with external data sources or provisioners')
    .option('--plugin-dir <dir>', 'provider plugin directory for terraform init (offline)')
    .option('--schema <file>', 'extra provider schema (terraform providers schema -json output; repeatable)', collect)
    .action(async (dir: string, options) => {
      const { planCommand } = await import('./plan.ts');
      await planCommand(dir, options);
    });
}
