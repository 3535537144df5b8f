/** All user-facing output goes through here (never console.*), so tests can capture it. */
export interface Logger {
  out(text: string): void;
  err(text: string): void;
  debug(text: string): void;
}

let debugEnabled = process.env.IACPAC_DEBUG === '1';

export function setDebug(on: boolean): void {
  debugEnabled = on;
}

export function isDebug(): boolean {
  return debugEnabled;
}

export const logger: Logger = {
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  debug: (text) => {
    if (debugEnabled) process.stderr.write(`[debug] ${text}\n`);
  },
};
