import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../core/errors.ts';
import { setDebug } from '../core/logger.ts';
import { packageRoot } from '../core/package-root.ts';

/** A command module: declares its options on the program; its action lazily imports the implementation. */
export interface CommandModule {
  register(program: Command): void;
}

/**
 * The command table (explicit, in help order). Each entry is a small module under ./commands/ that
 * declares options and lazily imports its implementation, so startup stays fast.
 */
const COMMANDS: Array<() => Promise<CommandModule>> = [
  () => import('./commands/check.ts'),
  () => import('./commands/validate.ts'),
  () => import('./commands/plan.ts'),
  () => import('./commands/scan.ts'),
  () => import('./commands/rego/index.ts'),
  () => import('./commands/generate.ts'),
  () => import('./commands/kb.ts'),
  () => import('./commands/bench.ts'),
  () => import('./commands/report.ts'),
  // <commands>
];

export async function runCli(argv: string[]): Promise<void> {
  const { version } = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  const program = new Command('iacpac')
    .description('Generate and verify Terraform (IaC) and OPA Rego policies (PaC), offline.')
    .version(version)
    .option('--debug', 'print stack traces and debug information')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  program.hook('preAction', (cmd) => {
    if (cmd.optsWithGlobals().debug) setDebug(true);
  });
  for (const load of COMMANDS) (await load()).register(program);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return;
      // commander already printed its message; exit 2 for usage errors.
      throw new UsageError('');
    }
    throw error;
  }
}
