import type { AttemptRecord } from '../bench/results-store.ts';

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type SeverityName = (typeof SEVERITIES)[number];

/** Aggregates for one model over one slice of tasks (a difficulty level, or all = difficulty null). */
export interface GroupSummary {
  model: string;
  difficulty: number | null;
  tasks: number;
  samples: number;
  /** passRateAfterAttempt[k-1] = share of samples valid at or before attempt k. */
  passRateAfterAttempt: number[];
  /** pass@k over samples (unbiased estimator), k = 1..samples per task, using final validity. */
  passAtK: number[];
  objectRecall: number | null;
  objectPrecision: number | null;
  avgPredictedObjectTypes: number | null;
  /** Share of final scripts that satisfy the row's IaC-Eval intent, among those that planned. */
  intentCorrect: number | null;
  intentEvaluated: number;
  intentScoreMean: number | null;
  intentScoreCounts: [number, number, number, number, number];
  findingsBySeverity: Record<SeverityName, number>;
  findingsTotal: number;
  distinctPolicies: number;
  /** Mean findings per final script. */
  findingsPerScript: number | null;
  usage: { inputTokens: number; outputTokens: number; costUsd: number; latencyMs: number; calls: number; cached: number };
  infrastructureErrors: number;
}

export interface Summary {
  models: string[];
  maxAttempts: number;
  groups: GroupSummary[];
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/** Unbiased pass@k (Chen et al. 2021): 1 - C(n-c, k) / C(n, k). */
export function passAtK(n: number, c: number, k: number): number {
  if (n - c < k) return 1;
  return 1 - binomial(n - c, k) / binomial(n, k);
}

/** Keeps the last line written for each (model, task, sample, attempt): a resumed run may redo an attempt that failed on infrastructure. */
export function latestAttempts(records: AttemptRecord[]): AttemptRecord[] {
  const byKey = new Map<string, AttemptRecord>();
  for (const r of records) byKey.set(`${r.model}\u0000${r.index}\u0000${r.sample}\u0000${r.attempt}`, r);
  return [...byKey.values()];
}

/** Pure: results -> summary. Reports are rendered only from this. */
export function summarize(allRecords: AttemptRecord[]): Summary {
  const records = latestAttempts(allRecords);
  const models = [...new Set(records.map((r) => r.model))];
  const maxAttempts = records.reduce((m, r) => Math.max(m, r.attempt), 0);
  const groups: GroupSummary[] = [];
  for (const model of models) {
    const mine = records.filter((r) => r.model === model);
    const difficulties = [...new Set(mine.map((r) => r.difficulty))].sort((a, b) => a - b);
    for (const difficulty of [...difficulties, null]) {
      const slice = difficulty === null ? mine : mine.filter((r) => r.difficulty === difficulty);
      groups.push(summarizeGroup(model, difficulty, slice, maxAttempts));
    }
  }
  return { models, maxAttempts, groups };
}

function summarizeGroup(model: string, difficulty: number | null, records: AttemptRecord[], maxAttempts: number): GroupSummary {
  const bySample = new Map<string, AttemptRecord[]>();
  for (const r of records) {
    const key = `${r.index}\u0000${r.sample}`;
    const list = bySample.get(key) ?? [];
    list.push(r);
    bySample.set(key, list);
  }
  const samples = [...bySample.values()].map((attempts) => attempts.sort((a, b) => a.attempt - b.attempt));
  const finals = samples.map((attempts) => attempts[attempts.length - 1]!);
  // A sample counts for pass rates unless its only outcome is an infrastructure error.
  const scored = samples.filter((attempts) => attempts.some((a) => a.error === null));
  const passRateAfterAttempt: number[] = [];
  for (let k = 1; k <= maxAttempts; k++) {
    const passed = scored.filter((attempts) => attempts.some((a) => a.attempt <= k && a.valid)).length;
    passRateAfterAttempt.push(scored.length ? passed / scored.length : 0);
  }
  const perTask = new Map<number, { n: number; c: number }>();
  for (const attempts of scored) {
    const t = perTask.get(attempts[0]!.index) ?? { n: 0, c: 0 };
    t.n++;
    if (attempts.some((a) => a.valid)) t.c++;
    perTask.set(attempts[0]!.index, t);
  }
  const maxK = Math.max(0, ...[...perTask.values()].map((t) => t.n));
  const passAtKs: number[] = [];
  for (let k = 1; k <= maxK; k++) passAtKs.push(mean([...perTask.values()].filter((t) => t.n >= k).map((t) => passAtK(t.n, t.c, k))) ?? 0);

  const scoredFinals = finals.filter((f) => f.error === null);
  const intentEvaluated = scoredFinals.filter((f) => f.intent_correct !== null);
  const scores = scoredFinals.map((f) => f.intent_score).filter((s): s is number => typeof s === 'number');
  const intentScoreCounts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const s of scores) if (s >= 1 && s <= 5) intentScoreCounts[Math.round(s) - 1]!++;
  const findingsBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<SeverityName, number>;
  const policies = new Set<string>();
  let findingsTotal = 0;
  for (const f of scoredFinals) {
    for (const finding of f.findings) {
      const sev = (SEVERITIES as readonly string[]).includes(finding.severity) ? (finding.severity as SeverityName) : 'info';
      findingsBySeverity[sev]++;
      findingsTotal++;
      policies.add(finding.policy_id);
    }
  }
  const usage = { inputTokens: 0, outputTokens: 0, costUsd: 0, latencyMs: 0, calls: 0, cached: 0 };
  for (const r of records) {
    usage.inputTokens += r.usage.input_tokens;
    usage.outputTokens += r.usage.output_tokens;
    usage.costUsd += r.usage.cost_usd;
    usage.latencyMs += r.usage.latency_ms;
    usage.calls++;
    if (r.usage.cached) usage.cached++;
  }
  return {
    model,
    difficulty,
    tasks: new Set(records.map((r) => r.index)).size,
    samples: samples.length,
    passRateAfterAttempt,
    passAtK: passAtKs,
    objectRecall: mean(scoredFinals.map((f) => f.object_recall).filter((x): x is number => x !== null)),
    objectPrecision: mean(scoredFinals.map((f) => f.object_precision).filter((x): x is number => x !== null)),
    avgPredictedObjectTypes: mean(scoredFinals.map((f) => f.predicted_object_types)),
    intentCorrect: intentEvaluated.length ? intentEvaluated.filter((f) => f.intent_correct).length / intentEvaluated.length : null,
    intentEvaluated: intentEvaluated.length,
    intentScoreMean: mean(scores),
    intentScoreCounts,
    findingsBySeverity,
    findingsTotal,
    distinctPolicies: policies.size,
    findingsPerScript: scoredFinals.length ? findingsTotal / scoredFinals.length : null,
    usage,
    infrastructureErrors: records.filter((r) => r.error !== null).length,
  };
}
