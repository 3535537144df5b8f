import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BenchTask } from './dataset.ts';
import { createJudge, JudgeError } from './judge.ts';

const task = (index: number): BenchTask => ({ index, resource: 'aws_s3_bucket', prompt: 'p', regoIntent: '', difficulty: 1, referenceOutput: '', intent: 'i' });

function judgeFile(lines: unknown[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'iacpac-judge-')), 'judge.jsonl');
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return file;
}

describe('createJudge (replay of recorded judge replies)', () => {
  const file = judgeFile([
    { index: 0, reply: '{"score": 4, "reasons": "close"}', usage: { input_tokens: 300, output_tokens: 20, cost_usd: 0.001 } },
    { index: 0, sample: 1, model: 'm2', reply: '```json\n{"score": 2}\n```' },
    { index: 1, reply: 'I would give this a four out of five.', usage: { input_tokens: 310, output_tokens: 12 } },
    { index: 2, reply: '{"score": 9, "reasons": "great"}' },
  ]);

  it('scores from the recorded reply through the same zod validation as an LLM reply', async () => {
    const judge = await createJudge(`replay:${file}`, {});
    expect(await judge.score(task(0), 'x', { model: 'm1', sample: 0 })).toEqual({
      score: 4,
      reasons: 'close',
      usage: { input_tokens: 300, output_tokens: 20, cost_usd: 0.001, latency_ms: 0, cached: false },
    });
    expect((await judge.score(task(0), 'x', { model: 'm2', sample: 1 })).score).toBe(2);
  });

  it.each([
    [1, 'reply has no JSON object', /no JSON object; the reply began "I would give this a four out of five\."/],
    [2, 'reply JSON does not match {score 1-5, reasons}', /score: Number must be less than or equal to 5/],
    [3, 'no recorded reply', /no recorded judge reply for row 3 sample 0/],
  ])('row %i fails with a reason: %s', async (index, reason, message) => {
    const judge = await createJudge(`replay:${file}`, {});
    const error = await judge.score(task(index), 'x', { model: 'm1', sample: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JudgeError);
    expect((error as JudgeError).reason).toBe(reason);
    expect((error as JudgeError).message).toMatch(message);
  });

  it('keeps the tokens of a reply that could not be used', async () => {
    const judge = await createJudge(`replay:${file}`, {});
    const error = (await judge.score(task(1), 'x', { model: 'm1', sample: 0 }).catch((e: unknown) => e)) as JudgeError;
    expect(error.usage).toMatchObject({ input_tokens: 310, output_tokens: 12 });
  });

  it('rejects malformed judge files with file:line', async () => {
    await expect(createJudge(`replay:${judgeFile([{ index: 0 }])}`, {})).rejects.toThrow(/judge\.jsonl:1: each judge line needs "index" \(number\) and "reply" \(string\)/);
    await expect(createJudge(`replay:${judgeFile([{ index: 0, reply: '{}', usage: { input_tokens: -1 } }])}`, {})).rejects.toThrow(/:1: usage\.input_tokens must be a non-negative number/);
  });
});
