import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { askDecision, createPrompter } from './interactive.ts';

async function decide(answers: string, end = true) {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (chunk: Buffer) => (written += chunk.toString()));
  input.write(answers);
  if (end) input.end();
  const prompter = createPrompter(input, output);
  const decision = await askDecision(prompter, output, 'Escalated with 2 open finding(s).');
  prompter.close();
  return { decision, written };
}

describe('askDecision', () => {
  it.each([
    ['a\n', 'approve'],
    ['approve\n', 'approve'],
    ['e\n', 'edit'],
    ['R\n', 'reject'],
    ['maybe\nx\nr\n', 'reject'],
    ['', 'reject'],
  ])('%j -> %s', async (answers, decision) => {
    expect((await decide(answers)).decision).toBe(decision);
  });

  it('shows the summary and asks again on an unknown answer', async () => {
    const { written } = await decide('what\na\n');
    expect(written).toBe(
      'Escalated with 2 open finding(s).\n' +
        '[a]pprove as is, [e]dit the files in the output folder and re-verify, or [r]eject? Please answer a, e or r.\n' +
        '[a]pprove as is, [e]dit the files in the output folder and re-verify, or [r]eject? ',
    );
  });

  it('keeps answers typed ahead for later questions', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    input.end('e\n\na\n');
    const prompter = createPrompter(input, output);
    expect(await askDecision(prompter, output, 's')).toBe('edit');
    expect(await prompter.question('press Enter')).toBe('');
    expect(await askDecision(prompter, output, 's')).toBe('approve');
    expect(await prompter.question('more?')).toBeUndefined();
    prompter.close();
  });
});
