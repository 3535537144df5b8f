// The iacpac executable. The only place that calls process.exit.
import { setFlagsFromString } from 'node:v8';
import { runCli } from './cli.ts';
import { ExitError, IacpacError, errorMessage } from '../core/errors.ts';
import { isDebug, logger } from '../core/logger.ts';

// WebAssembly (HashiCorp's HCL parser, tree-sitter) starts in V8's baseline compiler and re-compiles a function with
// the optimising compiler once it has run ~1.8 MB worth of code. One small folder crossed that for hundreds of Go
// runtime functions: ~0.35 s CPU of background compilation that never paid back (`check` on one resource: 1.2 s ->
// 0.85 s CPU). Raised so only functions that stay hot on large inputs are optimised (20k resources: unchanged, ~9 s).
// Set before the first module is compiled; V8 flags are per process, so it covers the parser worker too.
setFlagsFromString('--wasm-tiering-budget=300000000');

try {
  await runCli(process.argv);
  process.exitCode ??= 0;
} catch (error) {
  if (error instanceof IacpacError) {
    if (error.message) logger.err(`iacpac: ${error.message}`);
    // An ordinary exit (findings, invalid configuration) is no error: no stack trace, even with --debug.
    if (isDebug() && error.stack && !(error instanceof ExitError)) logger.err(error.stack);
    process.exitCode = error.exitCode;
  } else {
    logger.err(`iacpac: internal error: ${errorMessage(error)} (rerun with --debug for a stack trace, and please open an issue)`);
    if (isDebug() && error instanceof Error && error.stack) logger.err(error.stack);
    process.exitCode = 70;
  }
}
// Flush stdout before exiting so piped output is never truncated.
process.stdout.write('', () => process.exit(process.exitCode ?? 0));
