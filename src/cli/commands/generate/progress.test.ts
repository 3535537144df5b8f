import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger } from '../../../core/logger.ts';
import { createProgress } from './progress.ts';

function fakeStream(isTTY: boolean, columns = 40) {
  const writes: string[] = [];
  const stream = { isTTY, columns, write: (text: string) => (writes.push(text), true) } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

describe('createProgress', () => {
  it('rewrites one status line on a terminal and keeps result lines', () => {
    const { stream, writes } = fakeStream(true);
    const progress = createProgress(stream);
    progress.update('[1/5] iac-generator: writing Terraform');
    progress.update('[1/5] validating: terraform validate, plan, security scan, rego check/test');
    progress.line('[1/5] clean');
    progress.done();
    expect(writes).toEqual([
      '[1/5] iac-generator: writing Terraform',
      '\r\x1b[2K',
      '[1/5] validating: terraform validate, …', // 39 columns: the terminal width minus one
      '\r\x1b[2K',
      '[1/5] clean\n',
    ]);
  });

  it('is silent when quiet', () => {
    const { stream, writes } = fakeStream(true);
    const progress = createProgress(stream, true);
    progress.update('x');
    progress.line('y');
    expect(writes).toEqual([]);
  });

  describe('while waiting', () => {
    afterEach(() => {
      vi.useRealTimers();
      vi.restoreAllMocks();
    });

    it('shows the elapsed time on a terminal from 3 s on', () => {
      vi.useFakeTimers();
      const { stream, writes } = fakeStream(true, 100);
      const progress = createProgress(stream);
      progress.update('[1/5] iac-generator: writing Terraform');
      vi.advanceTimersByTime(4000);
      progress.done();
      expect(writes.filter((w) => w.startsWith('[1/5]'))).toEqual([
        '[1/5] iac-generator: writing Terraform',
        '[1/5] iac-generator: writing Terraform',
        '[1/5] iac-generator: writing Terraform',
        '[1/5] iac-generator: writing Terraform … 3 s',
        '[1/5] iac-generator: writing Terraform … 4 s',
      ]);
      vi.advanceTimersByTime(5000);
      expect(writes.at(-1)).toBe('\r\x1b[2K');
    });

    it('prints a still-waiting line to a pipe after each quiet interval', () => {
      vi.useFakeTimers();
      const lines: string[] = [];
      vi.spyOn(logger, 'err').mockImplementation((text: string) => void lines.push(text));
      const progress = createProgress(fakeStream(false).stream);
      progress.update('[2/5] reviewer: checking intent (openai/gpt-4o)');
      vi.advanceTimersByTime(31_000);
      progress.update('[2/5] validating');
      vi.advanceTimersByTime(10_000);
      progress.done();
      vi.advanceTimersByTime(60_000);
      expect(lines).toEqual(['[2/5] reviewer: checking intent (openai/gpt-4o)', '  still reviewer: checking intent (openai/gpt-4o) (15 s)', '  still reviewer: checking intent (openai/gpt-4o) (30 s)', '[2/5] validating']);
    });
  });
});
