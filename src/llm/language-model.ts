/**
 * The LLM spec iacpac's agents and benchmark talk to (after vercel/ai's `LanguageModelV3`, reduced to what we use).
 * Providers are adapted from the Vercel AI SDK (`ai-sdk-model.ts`); retries (`retry.ts`) and the on-disk cache
 * (`cache.ts`) wrap any `LanguageModel` and keep the same shape.
 */
export type ChatRole = 'system' | 'user' | 'assistant';

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

/** Sampling settings that are part of the request (and of the cache key). */
export interface SamplingSettings {
  temperature?: number;
  maxOutputTokens?: number;
  topP?: number;
  seed?: number;
}

export interface GenerateOptions extends SamplingSettings {
  messages: ChatMessage[];
  /** Abort the call when the whole reply has not arrived after this many milliseconds (not retried). */
  timeoutMs?: number;
  abortSignal?: AbortSignal;
  /** Called as the reply streams in, with the bytes of reply text received so far (progress). */
  onReceive?: (textBytes: number) => void;
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
}

export type FinishReason = 'stop' | 'length' | 'content-filter' | 'tool-calls' | 'error' | 'other' | 'unknown';

export interface GenerateResult {
  text: string;
  usage: Usage;
  finishReason: FinishReason;
  /** Wall time of the call including retries and backoff (0-ish for a cache hit). */
  latencyMs: number;
  /** True when served from the on-disk response cache (no request was sent). */
  cached: boolean;
  /** Estimated cost in US dollars from the price table; 0 for cache hits and unknown models. */
  costUsd: number;
  /** Transient failures (429/5xx/timeouts/network) that were retried before this result. */
  retries: number;
}

export interface LanguageModel {
  readonly specificationVersion: 'v1';
  /** Provider name, e.g. 'openai', 'ollama'. */
  readonly provider: string;
  readonly modelId: string;
  /** Endpoint (base URL) when not the provider default; part of the cache key. */
  readonly baseUrl?: string;
  generate(options: GenerateOptions): Promise<GenerateResult>;
}

/** The identity of `model` (specification, provider, id, endpoint), for a wrapper that answers in its place (cache, retries). */
export function modelIdentity(model: LanguageModel): Omit<LanguageModel, 'generate'> {
  return { specificationVersion: 'v1', provider: model.provider, modelId: model.modelId, ...(model.baseUrl !== undefined ? { baseUrl: model.baseUrl } : {}) };
}

export const ZERO_USAGE: Usage = { inputTokens: 0, outputTokens: 0, totalTokens: 0 };
