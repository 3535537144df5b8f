import { Command, CommanderError } from 'commander';
import { UsageError } from '../core/errors.ts';
import { setDebug } from '../core/logger.ts';
import { packageVersion } from '../core/package-root.ts';
import { findConfigFile } from '../core/config-file.ts';

/** A command module: declares its options on the program; its action lazily imports the implementation. */
export interface CommandModule {
  register(program: Command): void;
}

/**
 * The command table (explicit, in help order). Each entry is `./commands/<name>/index.ts`, which declares the
 * command's options and lazily imports its implementation (`./commands/<name>/<name>.ts`), so startup stays fast.
 */
const COMMANDS: Array<() => Promise<CommandModule>> = [
  () => import('./commands/check/index.ts'),
  () => import('./commands/validate/index.ts'),
  () => import('./commands/plan/index.ts'),
  () => import('./commands/scan/index.ts'),
  () => import('./commands/fix/index.ts'),
  () => import('./commands/rego/index.ts'),
  () => import('./commands/generate/index.ts'),
  () => import('./commands/kb/index.ts'),
  () => import('./commands/bench/index.ts'),
  () => import('./commands/report/index.ts'),
  // <commands>
];

/** The program with every command registered (the help and option table, without running anything). */
export async function createProgram(): Promise<Command> {
  const version = packageVersion();
  const program = new Command('iacpac')
    .description('Generate and verify Terraform (IaC) and OPA Rego policies (PaC), offline.')
    .version(version)
    .option('--debug', 'print stack traces and debug information')
    .option('--no-color', 'no ANSI colours in any output (also: NO_COLOR=1); files are never coloured')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  program.hook('preAction', async (cmd, action) => {
    if (cmd.optsWithGlobals().debug) setDebug(true);
    // One config file for every command, checked before any of them runs (a typo is exit 2, never ignored). Its schema
    // (with the generator's LLM settings: ~8 ms of start-up) is loaded only when there is a file to check.
    const explicit = (action.opts() as { config?: string }).config;
    if (findConfigFile(explicit, []).file) (await import('./config-schema.ts')).checkConfigFile(explicit);
  });
  for (const load of COMMANDS) (await load()).register(program);
  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  const program = await createProgram();
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
