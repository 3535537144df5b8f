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

export function offlineResult(text: string): GenerateResult {
  return { text, usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 }, finishReason: 'stop', latencyMs: 0, cached: false, costUsd: 0, retries: 0 };
}
