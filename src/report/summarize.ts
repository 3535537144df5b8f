import { judgeHealth, type JudgeHealth } from '../bench/judge-health.ts';
import type { AttemptRecord } from '../bench/results-store.ts';

import { SEVERITIES, type Severity } from '../core/severity.ts';

export { SEVERITIES };
export type SeverityName = Severity;

/** Aggregates for one model over one slice of tasks (a difficulty level, or all = difficulty null). */
export interface GroupSummary {
  model: string;
  difficulty: number | null;
  tasks: number;
  samples: number;
  /** passRateAfterAttempt[k-1] = share of samples valid at or before attempt k, for k = 1..the run's attempt limit. */
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
  /** Mean findings per final script by severity (comparable between runs of different sizes). */
  findingsPerScriptBySeverity: Record<SeverityName, number> | null;
  usage: { inputTokens: number; outputTokens: number; costUsd: number; latencyMs: number; calls: number; cached: number };
  infrastructureErrors: number;
  /** The same measures after iacpac's deterministic repairs (`bench --autofix`); null when the run had none. */
  autofix: AutofixSummary | null;
}

/**
 * A group's measures after deterministic repairs. A sample ends at its first attempt valid after repairs (else its
 * last attempt), as it would have had the repaired script been the answer; the model's calls are the same.
 */
export interface AutofixSummary {
  passRateAfterAttempt: number[];
  intentCorrect: number | null;
  intentEvaluated: number;
  findingsBySeverity: Record<SeverityName, number>;
  findingsTotal: number;
  distinctPolicies: number;
  findingsPerScript: number | null;
  /** Repairs kept in the final scripts, by kind of check they answer. */
  repairs: { validate: number; security: number };
  /** Final scripts a repair changed. */
  scriptsRepaired: number;
  /** Attempts with Terraform whose repairs were not tried (an error while repairing, or a run resumed without --autofix): counted as unrepaired. */
  notTried: number;
}

/** What a run said about itself (its `run-config.json`); fields it does not give are inferred from the results. */
export interface RunConfig {
  model: string;
  /** The run directory (as given to `iacpac report`). */
  runDir?: string;
  /** `--attempts` of the run. */
  attempts?: number;
  /** `--samples` of the run. */
  samples?: number;
  /** `--judge-model` of the run; null = the run had no judge. */
  judge?: string | null;
}

/** One model's run as the report shows it. */
export interface RunInfo {
  model: string;
  runDir: string | null;
  /** The run's attempt limit (`--attempts`), else the most attempts any of its samples took. */
  attemptLimit: number;
  /** Samples per task (`--samples`), else the most samples any task has. */
  samplesPerTask: number;
  /** The judge model, null = no judge in this run. */
  judge: string | null;
}

export interface Summary {
  /** Models in the order their runs were given. */
  models: string[];
  /** The largest attempt limit of any run (each model's own limit is in `runs`). */
  maxAttempts: number;
  groups: GroupSummary[];
  runs: RunInfo[];
  /** Every judge call that gave no score, counted per model and by reason. */
  judgeHealth: JudgeHealth[];
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

/** Pure: results (+ what each run's configuration says) -> summary. Reports are rendered only from this. */
export function summarize(allRecords: AttemptRecord[], configs: RunConfig[] = []): Summary {
  const records = latestAttempts(allRecords);
  const models = [...new Set(records.map((r) => r.model))];
  const health = judgeHealth(records, (model) => configs.find((c) => c.model === model)?.judge);
  const runs = models.map((model): RunInfo => {
    const config = configs.find((c) => c.model === model);
    const mine = records.filter((r) => r.model === model);
    const observedAttempts = mine.reduce((m, r) => Math.max(m, r.attempt), 0);
    const samplesPerTask = new Map<number, Set<number>>();
    for (const r of mine) samplesPerTask.set(r.index, (samplesPerTask.get(r.index) ?? new Set()).add(r.sample));
    const observedSamples = Math.max(0, ...[...samplesPerTask.values()].map((s) => s.size));
    return {
      model,
      runDir: config?.runDir ?? null,
      // A resumed run may have been given fewer attempts than it already took: the limit covers what was run.
      attemptLimit: Math.max(config?.attempts ?? 0, observedAttempts),
      samplesPerTask: Math.max(config?.samples ?? 0, observedSamples),
      judge: health.find((h) => h.model === model)?.judge ?? null,
    };
  });
  const groups: GroupSummary[] = [];
  for (const run of runs) {
    const mine = records.filter((r) => r.model === run.model);
    const difficulties = [...new Set(mine.map((r) => r.difficulty))].sort((a, b) => a - b);
    for (const difficulty of [...difficulties, null]) {
      const slice = difficulty === null ? mine : mine.filter((r) => r.difficulty === difficulty);
      groups.push(summarizeGroup(run.model, difficulty, slice, run.attemptLimit));
    }
  }
  return { models, maxAttempts: Math.max(0, ...runs.map((r) => r.attemptLimit)), groups, runs, judgeHealth: health };
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
  const { bySeverity: findingsBySeverity, total: findingsTotal, distinct: distinctPolicies } = findingCounts(scoredFinals);
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
    distinctPolicies,
    findingsPerScript: scoredFinals.length ? findingsTotal / scoredFinals.length : null,
    findingsPerScriptBySeverity: scoredFinals.length
      ? (Object.fromEntries(SEVERITIES.map((s) => [s, findingsBySeverity[s] / scoredFinals.length])) as Record<SeverityName, number>)
      : null,
    usage,
    infrastructureErrors: records.filter((r) => r.error !== null).length,
    autofix: records.some((r) => r.autofix) ? summarizeAutofix(samples, scored, maxAttempts) : null,
  };
}

/** An attempt as it is after deterministic repairs (unrepaired when they were not tried). */
function repaired(r: AttemptRecord): Pick<AttemptRecord, 'valid' | 'intent_correct' | 'findings'> {
  return r.autofix && r.autofix.error === undefined ? r.autofix : r;
}

function findingCounts(finals: Array<Pick<AttemptRecord, 'findings'>>) {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<SeverityName, number>;
  const policies = new Set<string>();
  let total = 0;
  for (const f of finals) {
    for (const finding of f.findings) {
      const sev = (SEVERITIES as readonly string[]).includes(finding.severity) ? (finding.severity as SeverityName) : 'info';
      bySeverity[sev]++;
      total++;
      policies.add(finding.policy_id);
    }
  }
  return { bySeverity, total, distinct: policies.size };
}

function summarizeAutofix(samples: AttemptRecord[][], scored: AttemptRecord[][], maxAttempts: number): AutofixSummary {
  const passRateAfterAttempt: number[] = [];
  for (let k = 1; k <= maxAttempts; k++) {
    const passed = scored.filter((attempts) => attempts.some((a) => a.attempt <= k && repaired(a).valid)).length;
    passRateAfterAttempt.push(scored.length ? passed / scored.length : 0);
  }
  const finals = samples.map((attempts) => attempts.find((a) => repaired(a).valid) ?? attempts[attempts.length - 1]!).filter((f) => f.error === null);
  const states = finals.map(repaired);
  const intentEvaluated = states.filter((f) => f.intent_correct !== null);
  const counts = findingCounts(states);
  const repairs = { validate: 0, security: 0 };
  for (const f of finals) for (const r of f.autofix?.repairs ?? []) repairs[r.source]++;
  return {
    passRateAfterAttempt,
    intentCorrect: intentEvaluated.length ? intentEvaluated.filter((f) => f.intent_correct).length / intentEvaluated.length : null,
    intentEvaluated: intentEvaluated.length,
    findingsBySeverity: counts.bySeverity,
    findingsTotal: counts.total,
    distinctPolicies: counts.distinct,
    findingsPerScript: finals.length ? counts.total / finals.length : null,
    repairs,
    scriptsRepaired: finals.filter((f) => (f.autofix?.repairs.length ?? 0) > 0).length,
    notTried: samples.flat().filter((a) => a.error === null && a.output !== undefined && (!a.autofix || a.autofix.error !== undefined)).length,
  };
}
