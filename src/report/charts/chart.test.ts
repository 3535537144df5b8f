import { describe, expect, it } from 'vitest';
import { attemptRecord as record } from '../../../test/helpers/attempt-record.ts';
import { summarize } from '../summarize.ts';
import { fitUnitDomain, modelStyles, wrapLabel } from './chart.ts';
import { intentScoreDistribution, NO_JUDGE } from './intent-score-distribution.ts';
import { placeLabels } from './label-placement.ts';
import { NO_SAMPLES_NOTE, passAtK } from './pass-at-k.ts';

describe('wrapLabel', () => {
  it.each([
    ['reference', ['reference']],
    ['openai-compatible:meta-llama/Llama-3.3-70B-Instruct-Turbo', ['openai-compatible:meta-', 'llama/Llama-3.3-70B-', 'Instruct-Turbo']],
    ['replay:synthetic-verbose-over-generates.jsonl', ['replay:synthetic-', 'verbose-over-generates.', 'jsonl']],
    ['a'.repeat(30), ['a'.repeat(24), 'a'.repeat(6)]],
  ])('%s', (name, lines) => {
    const wrapped = wrapLabel(name);
    expect(wrapped.split('\n')).toEqual(lines);
    expect(wrapped.replace(/\n/g, '')).toBe(name);
  });
});

describe('fitUnitDomain', () => {
  it.each([
    [[0.978, 0.989, 1], [0.9, 1]],
    [[0.2, 0.71], [0.15, 0.8]],
    [[0, 1], [0, 1]],
    [[], [0, 1]],
  ])('%j -> %j', (values, domain) => {
    const [low, high] = fitUnitDomain(values);
    expect([Number(low.toFixed(10)), high]).toEqual(domain);
  });
});

describe('modelStyles', () => {
  it('gives ten models ten different colour and marker pairs, in run order', () => {
    const models = Array.from({ length: 10 }, (_, i) => `model-${i}`);
    const styles = modelStyles(models);
    const colors = (styles.color().scale as { range: string[] }).range;
    const shapes = (styles.shape().scale as { range: string[] }).range;
    expect(new Set(colors).size).toBe(10);
    expect(new Set(shapes).size).toBe(10);
    expect(styles.domain).toEqual(models);
  });
});

describe('placeLabels', () => {
  it('places crowded labels inside the plot without overlapping each other or the points', () => {
    const requests = Array.from({ length: 10 }, (_, i) => ({ x: 200 + (i % 3) * 6, y: 150 + i * 4, width: 150, height: 28 }));
    const placed = placeLabels(requests, { width: 520, height: 340 });
    const boxes = placed.map((p, i) => ({ x: p.x, y: p.y, width: requests[i]!.width, height: requests[i]!.height }));
    for (const [i, a] of boxes.entries()) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.y).toBeGreaterThanOrEqual(0);
      expect(a.x + a.width).toBeLessThanOrEqual(520);
      expect(a.y + a.height).toBeLessThanOrEqual(340);
      for (const b of boxes.slice(i + 1)) expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
      for (const r of requests) expect(r.x + 6 <= a.x || a.x + a.width <= r.x - 6 || r.y + 6 <= a.y || a.y + a.height <= r.y - 6).toBe(true);
    }
    expect(placed.some((p) => p.leader)).toBe(true);
  });
});

describe('charts without data say why', () => {
  const summary = summarize([record({ model: 'a' }), record({ model: 'b', judge_error: { reason: 'API error', message: 'HTTP 500' } })], [
    { model: 'a', judge: null },
    { model: 'b', judge: 'openai:j' },
  ]);

  it('intent rows: "no judge in this run", or a judge that scored nothing', () => {
    expect(intentScoreDistribution.legend(summary, [])).toEqual(['a', 'b', NO_JUDGE, 'judge ran, no script scored (1 of 1 calls failed)']);
    expect(JSON.stringify(intentScoreDistribution.spec(summary, []))).toContain(NO_JUDGE);
  });

  it('pass@k without samples > 1 is a note', () => {
    expect(passAtK.legend(summary, [])).toEqual([NO_SAMPLES_NOTE]);
    expect(JSON.stringify(passAtK.spec(summary, []))).toContain('pass@k needs');
  });
});
