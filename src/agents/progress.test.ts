import { describe, expect, it } from 'vitest';
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
});
