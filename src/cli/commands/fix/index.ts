import { Option, type Command } from 'commander';
import { collect } from '../../options.ts';

/** `iacpac fix [dir]`: deterministic, verified repairs of a Terraform configuration, shown as a unified diff. */
export function register(program: Command): void {
  program
    .command('fix')
    .description('repair a Terraform configuration deterministically (validator errors, policy findings with a declared fix), each repair verified; prints a unified diff, writes only with --write or when confirmed (exit 0 nothing left to fix, 1 problems remain, 2 usage/input error)')
    .argument('[dir]', 'the Terraform root module directory (default: .)')
    .option('--dry-run', 'show the repairs and the diff, never write or ask')
    .option('-w, --write', 'write the repaired files without asking')
    .addOption(new Option('--only <kind>', 'only validator-driven repairs (validate) or only policy-driven ones (security)').choices(['validate', 'security']))
    .option('--policy <ids>', 'only repair findings of these policies: our ids, Checkov ids or globs (repeatable, comma-separated)', collect)
    .option('--severity <levels>', 'a level (that level and above) or a list of levels: the findings repaired and counted for the exit code (default: all)')
    .addOption(new Option('--format <format>', 'text (repairs and the unified diff) or json').choices(['text', 'json']).default('text'))
    .option('--var <key=value>', 'set an input variable (repeatable)', collect)
    .option('--var-file <file>', 'read input variables from a .tfvars file (repeatable)', collect)
    .option('--config <file>', 'config file (default: .iacpac.yaml or .iacpac.yml in the current directory)')
    .action(async (dir: string | undefined, options: Record<string, unknown>) => {
      const { fixCommand } = await import('./fix.ts');
      await fixCommand(dir ?? '.', options as never);
    });
}
