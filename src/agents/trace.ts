import { appendFileSync, writeFileSync } from 'node:fs';
import type { ChatMessage, GenerateResult } from '../llm/language-model.ts';
import { redactValue } from '../llm/redact.ts';

export interface LlmCallRecord {
  type: 'llm-call';
  iteration: number;
  role: string;
  provider: string;
  model: string;
  messages: ChatMessage[];
  response?: string;
  usage?: GenerateResult['usage'];
  costUsd?: number;
  latencyMs?: number;
  cached?: boolean;
  retries?: number;
  finishReason?: string;
  error?: string;
}

export interface StepRecord {
  type: 'step';
  iteration: number;
  stage: string;
  status: 'start' | 'end' | 'skip' | 'error';
  [key: string]: unknown;
}

export interface Totals {
  llmCalls: number;
  cachedCalls: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  latencyMs: number;
  /** Transient API failures that were retried (429/5xx/timeouts). */
  retries: number;
  /** Replies that could not be used (no code block, invalid JSON). */
  modelFailures: number;
}

/**
 * `trace.jsonl`: one line per step and per LLM call (role, prompt, response, tokens, cost, latency), every string
 * passed through `redact` with the run's secrets. Keeps the run's totals.
 */
export class Trace {
  readonly totals: Totals = { llmCalls: 0, cachedCalls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, latencyMs: 0, retries: 0, modelFailures: 0 };
  private readonly started = Date.now();

  constructor(
    private readonly file: string,
    private readonly secrets: readonly string[],
    private readonly now: () => number = Date.now,
  ) {
    writeFileSync(file, '');
  }

  step(record: Omit<StepRecord, 'type'>): void {
    this.write({ type: 'step', ...record } as StepRecord);
  }

  llmCall(record: Omit<LlmCallRecord, 'type'>): void {
    this.totals.llmCalls++;
    if (record.cached) this.totals.cachedCalls++;
    this.totals.inputTokens += record.usage?.inputTokens ?? 0;
    this.totals.outputTokens += record.usage?.outputTokens ?? 0;
    this.totals.costUsd = Math.round((this.totals.costUsd + (record.costUsd ?? 0)) * 1e8) / 1e8;
    this.totals.latencyMs += record.latencyMs ?? 0;
    this.totals.retries += record.retries ?? 0;
    this.write({ type: 'llm-call', ...record });
  }

  modelFailure(): void {
    this.totals.modelFailures++;
  }

  elapsedMs(): number {
    return this.now() - this.started;
  }

  private write(record: StepRecord | LlmCallRecord): void {
    appendFileSync(this.file, `${JSON.stringify(redactValue({ time: new Date(this.now()).toISOString(), ...record }, this.secrets))}\n`);
  }
}
