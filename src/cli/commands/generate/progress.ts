import type { Progress } from '../../../agents/progress.ts';
import { logger } from '../../../core/logger.ts';

export interface ProgressTiming {
  /** Terminal: the status line's elapsed time is refreshed this often (default 1 s), from 3 s on. */
  tickMs?: number;
  /** Pipe or log: a `still ...` line after each such wait without news (default 15 s). */
  heartbeatMs?: number;
}

/** Live progress of `iacpac generate` on stderr: one rewritten status line on a terminal, plain lines otherwise (CI logs, pipes). */
export function createProgress(stream: NodeJS.WriteStream = process.stderr, quiet = false, timing: ProgressTiming = {}): Progress {
  if (quiet) return { update: () => {}, line: () => {}, done: () => {} };
  let timer: NodeJS.Timeout | undefined;
  let status = '';
  let since = 0;
  const elapsed = (): number => Math.round((Date.now() - since) / 1000);
  const every = (ms: number, tick: () => void): void => {
    clearInterval(timer);
    timer = setInterval(tick, ms);
    timer.unref();
  };
  if (!stream.isTTY) {
    return {
      update(text) {
        status = text;
        since = Date.now();
        logger.err(text);
        every(timing.heartbeatMs ?? 15_000, () => logger.err(`  still ${status.replace(/^\[\d+\/\d+\]\s*/, '')} (${elapsed()} s)`));
      },
      line(text) {
        logger.err(text);
      },
      done() {
        clearInterval(timer);
      },
    };
  }
  let active = false;
  const clear = (): void => {
    if (active) stream.write('\r\x1b[2K');
    active = false;
  };
  const render = (): void => {
    clear();
    const seconds = elapsed();
    const text = seconds >= 3 ? `${status} … ${seconds} s` : status;
    const width = Math.max(20, (stream.columns ?? 100) - 1);
    stream.write(text.length > width ? `${text.slice(0, width - 1)}…` : text);
    active = true;
  };
  return {
    update(text) {
      status = text;
      since = Date.now();
      render();
      every(timing.tickMs ?? 1000, render);
    },
    line(text) {
      clear();
      stream.write(`${text}\n`);
    },
    done() {
      clearInterval(timer);
      status = '';
      clear();
    },
  };
}
