import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BenchTask } from '../dataset.ts';
import { replayModel } from './replay.ts';

const task = (index: number): BenchTask => ({ index, resource: '', prompt: `p${index}`, regoIntent: '', difficulty: 1, referenceOutput: '', intent: '' });

function file(lines: unknown[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'iacpac-replay-')), 'model.jsonl');
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return path;
}

describe('replayModel', () => {
  it('answers per (sample, attempt) with the recorded usage, and knows how many attempts were recorded', async () => {
    const path = file([
      { index: 0, output: 'a1', usage: { input_tokens: 900, output_tokens: 150, cost_usd: 0.0021, latency_ms: 1800 } },
      { index: 0, attempt: 2, output: 'a2' },
      { index: 0, sample: 1, output: 's1' },
    ]);
    const model = replayModel(path, [task(0)]);
    expect(model.name).toBe('replay:model.jsonl');
    const first = await model.answer({ task: task(0), sample: 0, attempt: 1, messages: [] });
    expect(first).toMatchObject({ text: 'a1', usage: { inputTokens: 900, outputTokens: 150, totalTokens: 1050 }, costUsd: 0.0021, latencyMs: 1800 });
    expect(await model.answer({ task: task(0), sample: 0, attempt: 2, messages: [] })).toMatchObject({ text: 'a2', costUsd: 0, usage: { inputTokens: 0 } });
    expect(await model.answer({ task: task(0), sample: 0, attempt: 3, messages: [] })).toBeNull();
    expect([model.recordedAttempts!(task(0), 0), model.recordedAttempts!(task(0), 1), model.recordedAttempts!(task(1), 0)]).toEqual([2, 1, 0]);
  });

  it('reports malformed lines with file:line', () => {
    expect(() => replayModel(file([{ index: 0, output: 'x' }, { index: 'one', output: 'y' }]), [])).toThrow(/model\.jsonl:2: each line needs "index" \(number\) and "output" \(string\)/);
    expect(() => replayModel(file([{ index: 0, output: 'x', usage: 'many' }]), [])).toThrow(/model\.jsonl:1: "usage" must be an object/);
  });
});
