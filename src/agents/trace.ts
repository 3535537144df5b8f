import { appendFileSync, writeFileSync } from 'node:fs';
import { formatBytes } from '../core/bytes.ts';
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

export interface TraceLimits {
  /** The file stops growing at this size: one `trace-truncated` line, then nothing (default 32 MiB). */
  maxBytes: number;
  /** Longer strings (prompts, replies) are cut to this many characters, with a marker (default 1 Mi characters). */
  maxStringChars: number;
}

export const DEFAULT_TRACE_LIMITS: TraceLimits = { maxBytes: 32 << 20, maxStringChars: 1 << 20 };

/**
 * `trace.jsonl`: one line per step and per LLM call (role, prompt, response, tokens, cost, latency), every string
 * passed through `redact` with the run's secrets, and bounded (`TraceLimits`). Keeps the run's totals.
 */
export class Trace {
  readonly totals: Totals = { llmCalls: 0, cachedCalls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, latencyMs: 0, retries: 0, modelFailures: 0 };
  private readonly started = Date.now();
  private bytes = 0;
  /** True once the size bound was reached and later records were left out. */
  truncated = false;

  constructor(
    private readonly file: string,
    private readonly secrets: readonly string[],
    private readonly now: () => number = Date.now,
    private readonly limits: TraceLimits = DEFAULT_TRACE_LIMITS,
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
    if (this.truncated) return;
    const time = new Date(this.now()).toISOString();
    const line = `${JSON.stringify(capStrings(redactValue({ time, ...record }, this.secrets), this.limits.maxStringChars))}\n`;
    const size = Buffer.byteLength(line);
    if (this.bytes + size > this.limits.maxBytes) {
      this.truncated = true;
      appendFileSync(this.file, `${JSON.stringify({ time, type: 'trace-truncated', message: `trace.jsonl reached its ${formatBytes(this.limits.maxBytes)} bound (generate.maxTraceBytes in .iacpac.yaml raises it); later records were left out, the totals in report.json stay complete` })}\n`);
      return;
    }
    this.bytes += size;
    appendFileSync(this.file, line);
  }
}

/** Cuts every string longer than `max` characters, saying how much was left out. */
function capStrings<T>(value: T, max: number): T {
  if (typeof value === 'string') return (value.length > max ? `${value.slice(0, max)}… [${value.length - max} characters left out of the trace]` : value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => capStrings(v, max)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, capStrings(v, max)])) as T;
  return value;
}
