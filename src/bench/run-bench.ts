import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.ts';
import { errorMessage } from '../core/errors.ts';
import type { BenchTask } from './dataset.ts';
import { extractTerraform } from './extract-terraform.ts';
import { judgeFailureReason } from './judge-health.ts';
import { objectMatch } from './metrics/object-match.ts';
import type { BenchModel } from './models/bench-model.ts';
import { runPool } from './pool.ts';
import { firstAttemptMessages, repairMessages, type ChatMessage, type PromptTemplates } from './prompts.ts';
import { ResultsStore, resumeState, sampleKey, type AttemptRecord } from './results-store.ts';

/** What the checks of one attempt found. */
export interface BenchEvaluation {
  valid: boolean;
  diagnostics: Diagnostic[];
  /** Security findings of the script (scanned even when invalid, as far as it parses). */
  findings: AttemptRecord['findings'];
  /** IaC-Eval verdict of the row's intent on the plan of the script; null when it is invalid or does not plan. */
  intentCorrect: boolean | null;
  /** With `bench --autofix`: the same checks on the script after iacpac's deterministic repairs. */
  autofix?: AutofixEvaluation;
}

/** The checks of an attempt's script after deterministic repairs (equal to the unrepaired ones when none applied). */
export interface AutofixEvaluation extends Omit<BenchEvaluation, 'autofix'> {
  repairs: NonNullable<AttemptRecord['autofix']>['repairs'];
  /** The repaired Terraform, when a repair changed it. */
  output?: string;
  /** Why the repairs could not be tried (the attempt then counts as unrepaired). */
  error?: string;
}

/** How an attempt's Terraform is checked. Implemented over the real subsystems in `evaluator.ts`. */
export interface BenchEvaluator {
  evaluate(dir: string, regoIntent: string): Promise<BenchEvaluation>;
}

/** Which model's script the judge is scoring (a recorded judge looks its reply up by these). */
export interface JudgeContext {
  model: string;
  sample: number;
}

/**
 * LLM judge of intent resolution (optional). A call that gives no score throws; a `JudgeError` (judge.ts) carries
 * the reason and the tokens the call still cost.
 */
export interface BenchJudge {
  score(task: BenchTask, terraform: string, context?: JudgeContext): Promise<{ score: number; reasons: string; usage: AttemptRecord['usage'] }>;
}

export interface ProgressEvent {
  done: number;
  total: number;
  model: string;
  index: number;
  valid: boolean;
  elapsedMs: number;
}

export interface RunBenchOptions {
  tasks: BenchTask[];
  models: BenchModel[];
  outDir: string;
  attempts: number;
  samples: number;
  templates: PromptTemplates;
  evaluator: BenchEvaluator;
  judge?: BenchJudge;
  /** Saved as `run-config.json`. */
  config: Record<string, unknown>;
  onProgress?: (event: ProgressEvent) => void;
}

export interface RunBenchResult {
  /** Samples run in this invocation (skipped = already finished by an earlier run). */
  ran: number;
  skipped: number;
  records: AttemptRecord[];
}

/** Formats validator diagnostics as the repair prompt shows them (Terraform's wording and positions). */
export function diagnosticsText(diagnostics: AttemptRecord['diagnostics']): string {
  return diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `Error: ${d.summary}${d.line ? ` (main.tf line ${d.line})` : ''}${d.detail ? `\n  ${d.detail.replace(/\n/g, '\n  ')}` : ''}`)
    .join('\n\n');
}

const slug = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);

/**
 * Runs every (model, task, sample): attempt 1 with the few-shot prompt, then repair attempts with the
 * validator's messages until valid or out of attempts. Every attempt is appended to `results.jsonl` at once;
 * a rerun skips finished samples and continues unfinished ones (samples that ended in an infrastructure error
 * are retried from the failed attempt).
 */
export async function runBench(options: RunBenchOptions): Promise<RunBenchResult> {
  const store = ResultsStore.open(options.outDir);
  store.writeConfig(options.config);
  const previous = store.read();
  const state = resumeState(previous);
  let skipped = 0;
  const perModel = options.models.map((model) => {
    const jobs: Array<{ task: BenchTask; sample: number }> = [];
    for (const task of options.tasks)
      for (let sample = 0; sample < options.samples; sample++) {
        if (state.finished.has(sampleKey({ model: model.name, index: task.index, sample }))) skipped++;
        else jobs.push({ task, sample });
      }
    return { model, jobs };
  });
  const total = perModel.reduce((n, m) => n + m.jobs.length, 0);
  const written: AttemptRecord[] = [];
  const started = performance.now();
  let done = 0;
  await Promise.all(
    perModel.map(({ model, jobs }) =>
      runPool(jobs, model.concurrency, async ({ task, sample }) => {
        const prior = (state.attempts.get(sampleKey({ model: model.name, index: task.index, sample })) ?? []).filter((r) => r.error === null);
        const records = await runSample(options, model, task, sample, prior, (r) => {
          store.append(r);
          written.push(r);
        });
        done++;
        options.onProgress?.({
          done,
          total,
          model: model.name,
          index: task.index,
          valid: records.some((r) => r.valid),
          elapsedMs: performance.now() - started,
        });
      }),
    ),
  );
  return { ran: total, skipped, records: written };
}

async function runSample(
  options: RunBenchOptions,
  model: BenchModel,
  task: BenchTask,
  sample: number,
  prior: AttemptRecord[],
  append: (r: AttemptRecord) => void,
): Promise<AttemptRecord[]> {
  const maxAttempts = Math.min(options.attempts, model.recordedAttempts?.(task, sample) ?? options.attempts);
  const out: AttemptRecord[] = [];
  let messages: ChatMessage[] = firstAttemptMessages(options.templates, task.prompt);
  const sorted = [...prior].sort((a, b) => a.attempt - b.attempt);
  for (const r of sorted) messages = repairMessages(options.templates, messages, r.answer ?? r.output ?? '', diagnosticsText(r.diagnostics));
  if (maxAttempts === 0) return out;
  for (let attempt = (sorted.at(-1)?.attempt ?? 0) + 1; attempt <= maxAttempts; attempt++) {
    const base = { model: model.name, index: task.index, difficulty: task.difficulty, sample, attempt, timestamp: new Date().toISOString() };
    let reply;
    try {
      reply = await model.answer({ task, sample, attempt, messages });
    } catch (error) {
      const record: AttemptRecord = {
        ...base,
        final: true,
        valid: false,
        diagnostics: [],
        object_recall: null,
        object_precision: null,
        predicted_object_types: 0,
        intent_correct: null,
        intent_score: null,
        findings: [],
        usage: { input_tokens: 0, output_tokens: 0, cost_usd: 0, latency_ms: 0, cached: false },
        error: errorMessage(error),
      };
      append(record);
      out.push(record);
      return out;
    }
    if (reply === null) break;
    const record = await evaluateAttempt(options, task, base, reply.text, attempt === maxAttempts);
    record.usage = {
      input_tokens: reply.usage.inputTokens,
      output_tokens: reply.usage.outputTokens,
      cost_usd: reply.costUsd,
      latency_ms: Math.round(reply.latencyMs),
      cached: reply.cached,
    };
    if (record.final && options.judge && record.output) {
      let judgeUsage: AttemptRecord['usage'] | undefined;
      try {
        const judged = await options.judge.score(task, record.output, { model: model.name, sample });
        record.intent_score = judged.score;
        record.intent_reasons = judged.reasons;
        judgeUsage = judged.usage;
      } catch (error) {
        const failure = error as { reason?: unknown; usage?: AttemptRecord['usage'] };
        const message = errorMessage(error);
        record.judge_error = { reason: typeof failure.reason === 'string' ? failure.reason : judgeFailureReason(message), message };
        judgeUsage = failure.usage;
      }
      if (judgeUsage) {
        record.usage.input_tokens += judgeUsage.input_tokens;
        record.usage.output_tokens += judgeUsage.output_tokens;
        record.usage.cost_usd += judgeUsage.cost_usd;
      }
    }
    append(record);
    out.push(record);
    if (record.final) break;
    messages = repairMessages(options.templates, messages, reply.text, diagnosticsText(record.diagnostics));
  }
  return out;
}

async function evaluateAttempt(
  options: RunBenchOptions,
  task: BenchTask,
  base: Pick<AttemptRecord, 'model' | 'index' | 'difficulty' | 'sample' | 'attempt' | 'timestamp'>,
  answer: string,
  lastAttempt: boolean,
): Promise<AttemptRecord> {
  const terraform = extractTerraform(answer);
  const objects = objectMatch(terraform ?? '', task.referenceOutput);
  const record: AttemptRecord = {
    ...base,
    final: lastAttempt,
    valid: false,
    diagnostics: [],
    object_recall: objects.recall,
    object_precision: objects.precision,
    predicted_object_types: objects.predictedObjectTypes,
    intent_correct: null,
    intent_score: null,
    findings: [],
    usage: { input_tokens: 0, output_tokens: 0, cost_usd: 0, latency_ms: 0, cached: false },
    error: null,
    answer,
  };
  if (terraform === undefined) {
    record.diagnostics = [
      { severity: 'error', summary: 'No Terraform code in the answer', detail: 'Answer with the complete configuration in a single ```hcl code block.' },
    ];
    return record;
  }
  record.output = terraform;
  const dir = join(options.outDir, 'attempts', slug(base.model), String(task.index), `s${base.sample}-a${base.attempt}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.tf'), terraform);
  try {
    const evaluation = await options.evaluator.evaluate(dir, task.regoIntent);
    record.valid = evaluation.valid;
    record.diagnostics = evaluation.diagnostics.map((d) => ({
      severity: d.severity,
      summary: d.summary,
      ...(d.detail ? { detail: d.detail } : {}),
      ...(d.range ? { line: d.range.start.line } : {}),
    }));
    record.findings = evaluation.findings;
    record.intent_correct = evaluation.intentCorrect;
    if (evaluation.autofix) {
      const fixed = evaluation.autofix;
      record.autofix = {
        valid: fixed.valid,
        diagnostics: fixed.diagnostics.filter((d) => d.severity === 'error').map((d) => ({ severity: d.severity, summary: d.summary, ...(d.range ? { line: d.range.start.line } : {}) })),
        intent_correct: fixed.intentCorrect,
        findings: fixed.findings,
        repairs: fixed.repairs,
        ...(fixed.output !== undefined ? { output: fixed.output } : {}),
        ...(fixed.error !== undefined ? { error: fixed.error } : {}),
      };
    }
  } catch (error) {
    record.error = `evaluation failed: ${errorMessage(error)}`;
  }
  record.final = record.valid || lastAttempt || record.error !== null;
  return record;
}
