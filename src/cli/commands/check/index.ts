import type { Command } from 'commander';
import { addInputOptions, addScanOptions } from '../scan/options.ts';

/** `iacpac check`: validate + security scan of every root module in one report. */
export function register(program: Command): void {
  const command = program
    .command('check')
    .description('validate and security-scan every Terraform root module under each path (or .tf files, or plan JSON) in one report (exit 1 on errors or findings)')
    .argument('[paths...]', 'directories (searched for root modules), .tf files and/or plan JSON files; - reads a plan from stdin (default: .)');
  addScanOptions(addInputOptions(command)).action(async (paths: string[] | undefined, options) => {
    const { checkCommand } = await import('./check.ts');
    await checkCommand(paths ?? [], options);
  });
}
