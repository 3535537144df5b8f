import { logger } from '../core/logger.ts';

/** Live progress: one rewritten status line on a terminal, plain lines otherwise (CI logs, pipes). */
export interface Progress {
  update(text: string): void;
  /** A line that stays (iteration results). */
  line(text: string): void;
  done(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, quiet = false): Progress {
  if (quiet) return { update: () => {}, line: () => {}, done: () => {} };
  if (!stream.isTTY) {
    return { update: (text) => logger.err(text), line: (text) => logger.err(text), done: () => {} };
  }
  let active = false;
  const clear = (): void => {
    if (active) stream.write('\r\x1b[2K');
    active = false;
  };
  return {
    update(text) {
      clear();
      const width = Math.max(20, (stream.columns ?? 100) - 1);
      stream.write(text.length > width ? `${text.slice(0, width - 1)}…` : text);
      active = true;
    },
    line(text) {
      clear();
      stream.write(`${text}\n`);
    },
    done: clear,
  };
}
