import { Option, type Command } from 'commander';
import { collect } from '../../options.ts';

/** `iacpac validate <dir>...`: what `terraform validate` reports, offline (or with the real CLI). */
export function register(program: Command): void {
  program
    .command('validate')
    .description('validate Terraform configurations like `terraform validate`, offline (exit 0 valid, 1 invalid, 2 usage/input error)')
    .argument('<dir...>', 'configuration directories')
    .addOption(new Option('--engine <engine>', 'embedded (offline, default) or the real CLI').choices(['embedded', 'terraform', 'tofu']).default('embedded'))
    .addOption(new Option('--format <format>', 'text, json (Terraform\'s validate -json document) or jsonl (one line per directory)').choices(['text', 'json', 'jsonl']).default('text'))
    .option('--schema <file>', 'extra provider schemas: output of `terraform providers schema -json` (repeatable)', collect)
    .option('--var <name=value>', 'set an input variable (repeatable)', collect)
    .option('--var-file <file>', 'read input variables from a .tfvars file (repeatable)', collect)
    .option('--plugin-dir <dir>', 'provider plugin directory for --engine terraform|tofu (else TF_PLUGIN_CACHE_DIR / the registry)')
    .option('--allow-exec', 'let --engine terraform|tofu run configurations with external data sources or provisioners')
    .action(async (dirs: string[], options: Record<string, unknown>) => {
      const { validateCommand } = await import('./validate.ts');
      await validateCommand(dirs, options as never);
    });
}
