import { readResults, type AttemptRecord } from './results-store.ts';

/** Why one judge call gave no score (grouped in reports). */
export type JudgeFailureReason =
  | 'reply has no JSON object'
  | 'reply JSON does not parse'
  | 'reply JSON does not match {score 1-5, reasons}'
  | 'API error'
  | 'timeout or network error'
  | 'no recorded reply'
  | 'other error';

/** How the intent judge fared for one model of a run: every failed call counted, grouped by reason. */
export interface JudgeHealth {
  model: string;
  /** The judge model of the run (`--judge-model`), or null when the run had no judge. */
  judge: string | null;
  /** Final scripts sent to the judge (scripts without extractable Terraform are not sent). */
  calls: number;
  scored: number;
  failed: number;
  /** Failures by reason, most frequent first, each with the message of its first occurrence. */
  failures: Array<{ reason: string; count: number; example: string }>;
}

/** Older results recorded a judge failure only as `intent_reasons: "judge failed: <message>"`. */
const LEGACY_PREFIX = 'judge failed: ';

/** Sorts a failure message into a reason; `statusCode` is the HTTP status of an API error, when there is one. */
export function judgeFailureReason(message: string, statusCode?: number): JudgeFailureReason {
  if (statusCode !== undefined) return 'API error';
  if (message.startsWith('the reply contains no JSON object')) return 'reply has no JSON object';
  if (message.startsWith('the JSON does not parse') || message.startsWith('the reply contains no valid JSON')) return 'reply JSON does not parse';
  if (message.startsWith('the JSON does not match the schema')) return 'reply JSON does not match {score 1-5, reasons}';
  if (message.startsWith('no recorded judge reply')) return 'no recorded reply';
  if (/timed? ?out|timeout|ECONNREFUSED|ECONNRESET|ENOTFOUND|fetch failed|network/i.test(message)) return 'timeout or network error';
  if (/\bHTTP \d{3}\b|status code \d{3}/i.test(message)) return 'API error';
  return 'other error';
}

/** The judge failure recorded on an attempt, if any (also reads the legacy `intent_reasons` form). */
export function recordedJudgeError(record: AttemptRecord): { reason: string; message: string } | undefined {
  if (record.judge_error) return record.judge_error;
  if (record.intent_score === null && record.intent_reasons?.startsWith(LEGACY_PREFIX)) {
    const message = record.intent_reasons.slice(LEGACY_PREFIX.length);
    return { reason: judgeFailureReason(message), message };
  }
  return undefined;
}

/**
 * Judge health of each model of `records`, over the final scripts (the judge scores only those; a final line that
 * is an infrastructure error is skipped: a resumed run redoes it). `judgeOf` gives the run's judge (`undefined` =
 * unknown: then a model counts as judged when any of its scripts has a score or a judge failure).
 */
export function judgeHealth(records: AttemptRecord[], judgeOf: (model: string) => string | null | undefined = () => undefined): JudgeHealth[] {
  const byModel = new Map<string, AttemptRecord[]>();
  for (const r of records) byModel.set(r.model, [...(byModel.get(r.model) ?? []), r]);
  return [...byModel].map(([model, mine]) => {
    let scored = 0;
    const failures = new Map<string, { reason: string; count: number; example: string }>();
    for (const r of mine) {
      if (!r.final || r.error !== null) continue;
      if (typeof r.intent_score === 'number') scored++;
      const failure = recordedJudgeError(r);
      if (!failure) continue;
      const entry = failures.get(failure.reason) ?? { reason: failure.reason, count: 0, example: failure.message };
      entry.count++;
      failures.set(failure.reason, entry);
    }
    const failed = [...failures.values()].reduce((n, f) => n + f.count, 0);
    const configured = judgeOf(model);
    const judge = configured === undefined ? (scored + failed > 0 ? 'unknown (not in run-config.json)' : null) : configured;
    return { model, judge, calls: scored + failed, scored, failed, failures: [...failures.values()].sort((a, b) => b.count - a.count) };
  });
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** One line per judged model, for stderr at the end of `iacpac bench` (empty when no model had a judge). */
export function formatJudgeHealth(health: JudgeHealth[]): string[] {
  return health
    .filter((h) => h.judge !== null)
    .map((h) => {
      const head = `judge ${h.judge} on ${h.model}: ${h.calls} call(s), ${h.scored} scored, ${h.failed} failed`;
      if (h.failed === 0) return head;
      const reasons = h.failures.map((f) => `${f.count} × ${f.reason} (e.g. ${JSON.stringify(clip(f.example, 100))})`).join('; ');
      return `${head}: ${reasons}`;
    });
}

/** The judge lines `iacpac bench` prints on stderr when it is done, from the whole run directory (resumes included). */
export function judgeHealthLines(runDir: string, judge: string | null): string[] {
  return formatJudgeHealth(judgeHealth(readResults(runDir), () => judge));
}
