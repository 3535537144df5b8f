import { Option, type Command } from 'commander';
import { collect } from '../../options.ts';
import { addInputOptions } from '../scan/options.ts';

/** `iacpac validate <path>...`: what `terraform validate` reports for every root module, offline (or with the real CLI). */
export function register(program: Command): void {
  const command = program
    .command('validate')
    .description('validate every Terraform root module under each path like `terraform validate`, offline (exit 0 valid, 1 invalid, 2 usage/input error)')
    .argument('[paths...]', 'directories (searched for root modules) or .tf files (default: .)')
    .addOption(new Option('--engine <engine>', 'embedded (offline, default) or the real CLI').choices(['embedded', 'terraform', 'tofu']).default('embedded'))
    .addOption(new Option('--format <format>', 'text, json (Terraform\'s validate -json document) or jsonl (one line per root module)').choices(['text', 'json', 'jsonl']).default('text'))
    .option('-o, --output <file>', 'write the report to this file instead of stdout (never coloured)')
    .option('--schema <file>', 'extra provider schemas: output of `terraform providers schema -json` (repeatable)', collect)
    .option('--plugin-dir <dir>', 'provider plugin directory for --engine terraform|tofu (else TF_PLUGIN_CACHE_DIR / the registry)')
    .option('--allow-exec', 'let --engine terraform|tofu run configurations with external data sources or provisioners')
    .option('-s, --soft-fail', 'exit 0 even when a configuration is invalid (bad input still exits 2)');
  addInputOptions(command).action(async (dirs: string[] | undefined, options: Record<string, unknown>) => {
    const { validateCommand } = await import('./validate.ts');
    await validateCommand(dirs ?? [], options as never);
  });
}
