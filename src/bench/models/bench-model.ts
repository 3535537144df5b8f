import type { ChatMessage, GenerateResult } from '../../llm/language-model.ts';
import type { BenchTask } from '../dataset.ts';

/** What the runner asks a model for: one attempt of one sample of one task, with the conversation so far. */
export interface AnswerRequest {
  task: BenchTask;
  sample: number;
  attempt: number;
  messages: ChatMessage[];
}

/** A model under benchmark: a real LLM (through the LLM layer) or an offline pseudo-model. */
export interface BenchModel {
  /** The name used in results (`model` field). */
  readonly name: string;
  /** Concurrent requests allowed for this model's provider. */
  readonly concurrency: number;
  /** The answer, or null when the model has nothing for this attempt (a replay without that attempt). */
  answer(request: AnswerRequest): Promise<GenerateResult | null>;
  /** For recordings: how many attempts exist for this sample (the last one is then `final`). */
  recordedAttempts?(task: BenchTask, sample: number): number;
}

/** Usage recorded with a replayed answer (the `usage` object of a replay line, in `AttemptRecord` field names). */
export interface RecordedUsage {
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
  latency_ms: number;
}

export function offlineResult(text: string, usage?: RecordedUsage): GenerateResult {
  return {
    text,
    usage: { inputTokens: usage?.input_tokens ?? 0, outputTokens: usage?.output_tokens ?? 0, totalTokens: (usage?.input_tokens ?? 0) + (usage?.output_tokens ?? 0) },
    finishReason: 'stop',
    latencyMs: usage?.latency_ms ?? 0,
    cached: false,
    costUsd: usage?.cost_usd ?? 0,
    retries: 0,
  };
}
