import type { AttemptRecord } from '../../src/bench/results-store.ts';

/** A complete AttemptRecord with neutral defaults, for tests. */
export function attemptRecord(overrides: Partial<AttemptRecord>): AttemptRecord {
  return {
    model: 'm',
    index: 0,
    difficulty: 1,
    sample: 0,
    attempt: 1,
    final: true,
    valid: true,
    diagnostics: [],
    object_recall: 1,
    object_precision: 1,
    predicted_object_types: 1,
    intent_correct: null,
    intent_score: null,
    findings: [],
    usage: { input_tokens: 0, output_tokens: 0, cost_usd: 0, latency_ms: 0, cached: false },
    error: null,
    timestamp: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
