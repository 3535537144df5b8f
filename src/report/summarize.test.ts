import { describe, expect, it } from 'vitest';
import { attemptRecord as record } from '../../test/helpers/attempt-record.ts';
import { passAtK, summarize } from './summarize.ts';

describe('summarize', () => {
  const records = [
    // task 0 (difficulty 1): invalid, then valid at attempt 2
    record({ index: 0, difficulty: 1, attempt: 1, final: false, valid: false, object_recall: 0.5, object_precision: 1 }),
    record({
      index: 0,
      difficulty: 1,
      attempt: 2,
      final: true,
      valid: true,
      object_recall: 1,
      object_precision: 0.5,
      predicted_object_types: 4,
      intent_correct: true,
      intent_score: 5,
      findings: [
        { policy_id: 'P1', severity: 'high', resource: 'a' },
        { policy_id: 'P2', severity: 'low', resource: 'a' },
      ],
    }),
    // task 1 (difficulty 2): valid at once
    record({
      index: 1,
      difficulty: 2,
      attempt: 1,
      final: true,
      valid: true,
      predicted_object_types: 2,
      intent_correct: false,
      intent_score: 2,
      findings: [{ policy_id: 'P1', severity: 'high', resource: 'b' }],
    }),
    // task 2 (difficulty 2): infrastructure error only -> excluded from rates
    record({ index: 2, difficulty: 2, attempt: 1, final: true, valid: false, error: 'HTTP 500' }),
  ];

  it('computes pass rate after each attempt, object scores, intent and severities per difficulty and overall', () => {
    const s = summarize(records);
    expect(s.maxAttempts).toBe(2);
    const all = s.groups.find((g) => g.difficulty === null)!;
    expect(all.passRateAfterAttempt).toEqual([0.5, 1]);
    expect(all.objectRecall).toBe(1);
    expect(all.objectPrecision).toBe(0.75);
    expect(all.avgPredictedObjectTypes).toBe(3);
    expect(all.intentCorrect).toBe(0.5);
    expect(all.intentScoreCounts).toEqual([0, 1, 0, 0, 1]);
    expect(all.findingsBySeverity).toEqual({ info: 0, low: 1, medium: 0, high: 2, critical: 0 });
    expect(all.distinctPolicies).toBe(2);
    expect(all.infrastructureErrors).toBe(1);
    const d1 = s.groups.find((g) => g.difficulty === 1)!;
    expect(d1.passRateAfterAttempt).toEqual([0, 1]);
  });

  it('pass@k matches the unbiased estimator', () => {
    expect(passAtK(5, 0, 1)).toBe(0);
    expect(passAtK(5, 5, 3)).toBe(1);
    expect(passAtK(4, 2, 1)).toBeCloseTo(0.5, 12);
    expect(passAtK(4, 1, 2)).toBeCloseTo(0.5, 12);
  });
});

describe('summarize with run configurations', () => {
  const records = [
    record({ model: 'a', index: 0, attempt: 1, final: false, valid: false }),
    record({ model: 'a', index: 0, attempt: 2, final: true, valid: true, intent_score: 4 }),
    record({ model: 'b', index: 0, sample: 0, valid: true, judge_error: { reason: 'reply has no JSON object', message: 'm' } }),
    record({ model: 'b', index: 0, sample: 1, valid: false }),
  ];

  it('keeps each model to its own attempt limit, samples and judge', () => {
    const s = summarize(records, [
      { model: 'a', runDir: 'runs/a', attempts: 3, samples: 1, judge: 'openai:j' },
      { model: 'b', runDir: 'runs/b', attempts: 1, samples: 2, judge: 'replay:j.jsonl' },
    ]);
    expect(s.runs).toEqual([
      { model: 'a', runDir: 'runs/a', attemptLimit: 3, samplesPerTask: 1, judge: 'openai:j' },
      { model: 'b', runDir: 'runs/b', attemptLimit: 1, samplesPerTask: 2, judge: 'replay:j.jsonl' },
    ]);
    expect(s.maxAttempts).toBe(3);
    const overall = (m: string) => s.groups.find((g) => g.model === m && g.difficulty === null)!;
    expect(overall('a').passRateAfterAttempt).toEqual([0, 1, 1]);
    expect(overall('b').passRateAfterAttempt).toEqual([0.5]);
    expect(overall('b').passAtK).toEqual([0.5, 1]);
    expect(s.judgeHealth.map((h) => [h.model, h.calls, h.scored, h.failed])).toEqual([
      ['a', 1, 1, 0],
      ['b', 1, 0, 1],
    ]);
  });

  it('without configurations infers limits from the results and reports no judge where nothing was judged', () => {
    const s = summarize([record({ model: 'c', attempt: 1 })]);
    expect(s.runs).toEqual([{ model: 'c', runDir: null, attemptLimit: 1, samplesPerTask: 1, judge: null }]);
  });

  it('reports findings per final script by severity', () => {
    const s = summarize([
      record({ model: 'd', index: 0, findings: [{ policy_id: 'P', severity: 'high', resource: 'r' }] }),
      record({ model: 'd', index: 1, findings: [] }),
    ]);
    expect(s.groups.at(-1)!.findingsPerScriptBySeverity).toEqual({ info: 0, low: 0, medium: 0, high: 0.5, critical: 0 });
  });
});

describe('summarize with --autofix', () => {
  const finding = (policy_id: string) => ({ policy_id, severity: 'medium', resource: 'a' });
  const fixed = (valid: boolean, findings: string[], repairs: Array<'validate' | 'security'>, intent: boolean | null = null) => ({
    valid,
    diagnostics: [],
    intent_correct: intent,
    findings: findings.map(finding),
    repairs: repairs.map((source) => ({ kind: source === 'validate' ? 'rename-argument' : 'policy-fix', source, location: 'main.tf:1:1', description: 'x' })),
  });
  const records = [
    // sample 0: invalid at attempt 1 but valid once repaired; the model's own repair at attempt 2 has 2 findings.
    record({ index: 0, attempt: 1, final: false, valid: false, output: 'a', autofix: fixed(true, ['P1'], ['validate', 'security'], true) }),
    record({ index: 0, attempt: 2, final: true, valid: true, output: 'b', intent_correct: false, findings: [finding('P1'), finding('P2')], autofix: fixed(true, [], ['security', 'security'], false) }),
    // sample 1: valid at once, nothing to repair; sample 2: repairs could not be tried (counted as unrepaired).
    record({ index: 1, attempt: 1, valid: true, output: 'c', findings: [finding('P3')], autofix: fixed(true, ['P3'], []) }),
    record({ index: 2, attempt: 1, valid: false, output: 'd', autofix: { ...fixed(true, [], []), error: 'boom' } }),
  ];
  const all = summarize(records).groups.find((g) => g.difficulty === null)!;

  it('ends a sample at its first attempt valid after repairs, and counts what that script has', () => {
    expect(all.passRateAfterAttempt).toEqual([1 / 3, 2 / 3]);
    expect(all.autofix).toMatchObject({
      passRateAfterAttempt: [2 / 3, 2 / 3],
      findingsTotal: 2,
      distinctPolicies: 2,
      intentCorrect: 1,
      intentEvaluated: 1,
      repairs: { validate: 1, security: 1 },
      scriptsRepaired: 1,
      notTried: 1,
    });
    expect(all.findingsTotal).toBe(3);
  });

  it('is null for runs without --autofix', () => {
    expect(summarize([record({})]).groups[0]!.autofix).toBeNull();
  });
});
