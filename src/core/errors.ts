/**
 * Errors that reach the user. Commands throw these; only `cli/bin.ts` turns them into an exit code.
 * Exit codes (documented in the README): 0 ok, 1 findings/invalid, 2 usage or input error,
 * 3 escalated to a human (generate), 70 internal error.
 */
export class IacpacError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IacpacError';
    this.exitCode = exitCode;
  }
}

/** Bad command-line usage or unreadable/invalid input: exit 2. */
export class UsageError extends IacpacError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 2, options);
    this.name = 'UsageError';
  }
}

/** Bad input (a path that does not exist, a file that is not text, ...): exit 2. */
export class InputError extends IacpacError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 2, options);
    this.name = 'InputError';
  }
}

/** Ends a command with an exit code after its output was printed (e.g. 1 = findings). */
export class ExitError extends IacpacError {
  constructor(exitCode: number, message = '') {
    super(message, exitCode);
    this.name = 'ExitError';
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
