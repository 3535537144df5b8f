import { describe, expect, it } from 'vitest';
import { attemptRecord as record } from '../../test/helpers/attempt-record.ts';
import { formatJudgeHealth, judgeFailureReason, judgeHealth } from './judge-health.ts';

describe('judgeFailureReason', () => {
  it.each([
    ['the reply contains no JSON object', undefined, 'reply has no JSON object'],
    ['the JSON does not parse: Unexpected token } in JSON at position 9', undefined, 'reply JSON does not parse'],
    ['the JSON does not match the schema: score: Number must be less than or equal to 5', undefined, 'reply JSON does not match {score 1-5, reasons}'],
    ['Bad Request', 400, 'API error'],
    ['request timed out after 60000 ms', undefined, 'timeout or network error'],
    ['fetch failed', undefined, 'timeout or network error'],
    ['no recorded judge reply for row 3 sample 0 in j.jsonl', undefined, 'no recorded reply'],
    ['something else', undefined, 'other error'],
  ])('%s (HTTP %s) -> %s', (message, status, reason) => {
    expect(judgeFailureReason(message, status)).toBe(reason);
  });
});

describe('judgeHealth', () => {
  const failed = (index: number, reason: string, message: string) => record({ model: 'm', index, judge_error: { reason, message } });
  const records = [
    record({ model: 'm', index: 0, intent_score: 4 }),
    failed(1, 'reply has no JSON object', 'first'),
    failed(2, 'reply has no JSON object', 'second'),
    failed(3, 'API error', 'HTTP 500'),
    // A judge failure recorded by older versions (only in intent_reasons).
    record({ model: 'm', index: 4, intent_reasons: 'judge failed: the JSON does not parse: Unexpected end' }),
    // Not final, or an infrastructure error: not a judge call.
    record({ model: 'm', index: 5, final: false, judge_error: { reason: 'API error', message: 'x' } }),
    record({ model: 'm', index: 6, error: 'HTTP 500', judge_error: { reason: 'API error', message: 'x' } }),
    record({ model: 'other', index: 0 }),
  ];

  it('counts every failed call by reason, most frequent first, with the first message as example', () => {
    const [m, other] = judgeHealth(records, (model) => (model === 'm' ? 'openai:judge' : null));
    expect(m).toEqual({
      model: 'm',
      judge: 'openai:judge',
      calls: 5,
      scored: 1,
      failed: 4,
      failures: [
        { reason: 'reply has no JSON object', count: 2, example: 'first' },
        { reason: 'API error', count: 1, example: 'HTTP 500' },
        { reason: 'reply JSON does not parse', count: 1, example: 'the JSON does not parse: Unexpected end' },
      ],
    });
    expect(other).toEqual({ model: 'other', judge: null, calls: 0, scored: 0, failed: 0, failures: [] });
  });

  it('without the run configuration, a model with scores or judge failures counts as judged', () => {
    const [m, other] = judgeHealth(records);
    expect(m!.judge).toBe('unknown (not in run-config.json)');
    expect(other!.judge).toBeNull();
  });

  it('formats one stderr line per judged model', () => {
    expect(formatJudgeHealth(judgeHealth(records, (model) => (model === 'm' ? 'openai:judge' : null)))).toEqual([
      'judge openai:judge on m: 5 call(s), 1 scored, 4 failed: 2 × reply has no JSON object (e.g. "first"); 1 × API error (e.g. "HTTP 500"); 1 × reply JSON does not parse (e.g. "the JSON does not parse: Unexpected end")',
    ]);
    expect(formatJudgeHealth(judgeHealth([record({ model: 'm', intent_score: 5 })], () => 'j'))).toEqual(['judge j on m: 1 call(s), 1 scored, 0 failed']);
  });
});
