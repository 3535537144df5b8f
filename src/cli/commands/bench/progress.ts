import { logger } from '../../../core/logger.ts';
import type { ProgressEvent } from '../../../bench/run-bench.ts';

const formatDuration = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
};

/** A progress bar with ETA on a terminal (stderr), plain lines every ~5% otherwise. */
export class ProgressReporter {
  private lastPlain = -1;
  private readonly tty = Boolean(process.stderr.isTTY);
  private passed = 0;

  update(event: ProgressEvent): void {
    if (event.valid) this.passed++;
    const ratio = event.total ? event.done / event.total : 1;
    const eta = event.done ? (event.elapsedMs / event.done) * (event.total - event.done) : 0;
    const text = `${event.done}/${event.total} (${Math.round(ratio * 100)}%) valid ${this.passed} · elapsed ${formatDuration(event.elapsedMs)} · ETA ${formatDuration(eta)} · ${event.model} #${event.index}`;
    if (this.tty) {
      const width = 24;
      const filled = Math.round(ratio * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\u001b[K`);
    } else {
      const step = Math.floor(ratio * 20);
      if (step !== this.lastPlain || event.done === event.total) {
        this.lastPlain = step;
        logger.err(`progress: ${text}`);
      }
    }
  }

  finish(): void {
    if (this.tty) process.stderr.write('\n');
  }
}
