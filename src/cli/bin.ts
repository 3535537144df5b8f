// The iacpac executable. The only place that calls process.exit.
import { runCli } from './cli.ts';
import { ExitError, IacpacError, errorMessage } from '../core/errors.ts';
import { isDebug, logger } from '../core/logger.ts';

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
