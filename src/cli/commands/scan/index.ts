import type { Command } from 'commander';
import { addInputOptions, addScanOptions } from './options.ts';

/** `iacpac scan`: run the security policy library over every root module, file or plan JSON given. */
export function register(program: Command): void {
  const command = program
    .command('scan')
    .description('scan Terraform root modules (found under each path), .tf files or plan JSON files (terraform show -json; - = stdin) with the security policy library')
    .argument('[paths...]', 'directories (searched for root modules), .tf files and/or plan JSON files; - reads a plan from stdin (default: .)');
  addScanOptions(addInputOptions(command)).action(async (paths: string[] | undefined, options) => {
    const { scanCommand } = await import('./scan.ts');
    await scanCommand(paths ?? [], options);
  });
}
