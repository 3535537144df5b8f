/** Progress of the generate loop, as the loop reports it; the CLI renders it (src/cli/commands/generate/progress.ts). */
export interface Progress {
  /** The current activity; while it lasts, the elapsed time is shown (the wait for a model can be long). */
  update(text: string): void;
  /** A line that stays (iteration results, retries). */
  line(text: string): void;
  done(): void;
}
