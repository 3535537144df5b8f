import type { EmbeddingModel, LanguageModel as AiSdkLanguageModel } from 'ai';

export const PROVIDER_NAMES = ['openai', 'azure', 'anthropic', 'ollama', 'openai-compatible'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

/** Resolved settings for one model, after flags > config file > environment. */
export interface ProviderSettings {
  modelId?: string;
  apiKey?: string;
  baseUrl?: string;
  env: NodeJS.ProcessEnv;
  /** Provider-specific knobs from the config file (`providerOptions`), e.g. azure `apiVersion`. */
  options: Record<string, unknown>;
  /** The HTTP client the provider must use (`guardedFetch`: stall timeout, size cap, cut detection). */
  fetch?: typeof fetch;
}

/** `{ fetch }` when the settings carry one, for the AI SDK provider factories. */
export function fetchOption(settings: ProviderSettings): { fetch?: typeof fetch } {
  return settings.fetch ? { fetch: settings.fetch } : {};
}

export interface CreatedModel {
  model: AiSdkLanguageModel;
  modelId: string;
  /** The endpoint when not the provider's default (part of the cache key). */
  baseUrl?: string;
  /** Secret values to redact from traces and messages. */
  secrets: string[];
}

export interface CreatedEmbeddingModel {
  model: EmbeddingModel;
  modelId: string;
  baseUrl?: string;
  secrets: string[];
}

/** One provider: a small file under providers/, registered in `providers/index.ts`. */
export interface ProviderDefinition {
  name: ProviderName;
  /** Model used when none is configured. */
  defaultModel?: string;
  /** True when the environment configures this provider (e.g. OPENAI_API_KEY is set). */
  configuredByEnv(env: NodeJS.ProcessEnv): boolean;
  /** Builds the AI SDK model; throws NoProviderError with a how-to line when a required setting is missing. */
  create(settings: ProviderSettings): CreatedModel;
  /** Default embedding model, when the provider offers embeddings. */
  defaultEmbeddingModel?: string;
  /** Builds an embedding model (absent: the provider has no embeddings API, e.g. Anthropic). */
  createEmbedding?(settings: ProviderSettings): CreatedEmbeddingModel;
}

export function stringOption(options: Record<string, unknown>, key: string): string | undefined {
  const value = options[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
