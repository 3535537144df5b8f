import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APICallError, embedMany } from 'ai';
import { cacheRoot } from './cache.ts';
import type { LlmConfig } from './config.ts';
import { ApiCallError, isRetryableStatus, parseRetryAfter } from './errors/api-call-error.ts';
import { LlmError } from './errors/llm-error.ts';
import { NoProviderError } from './errors/no-provider-error.ts';
import type { LlmFlags } from './create-models.ts';
import { detectProvider } from './create-models.ts';
import { PROVIDERS } from './providers/index.ts';
import type { ProviderName } from './providers/provider-definition.ts';
import { redact } from './redact.ts';
import { retryDelay, type RetrySettings } from './retry.ts';

/** Text embeddings through the configured provider, cached on disk per (provider, endpoint, model, text). */
export interface Embedder {
  readonly provider: string;
  readonly modelId: string;
  embed(texts: readonly string[]): Promise<number[][]>;
}

/**
 * The embedder for retrieval: provider from `llm.embeddings` in the config, else the flags/config/environment
 * provider; model from the config, else the provider's default embedding model. Providers without an embeddings
 * API (Anthropic) are a clear error.
 */
export async function createEmbedder(
  flags: LlmFlags,
  config: LlmConfig = {},
  env: NodeJS.ProcessEnv = process.env,
  options: { retry?: RetrySettings; probeOllama?: (env: NodeJS.ProcessEnv) => Promise<boolean> } = {},
): Promise<Embedder> {
  const section = config.embeddings ?? {};
  const providerName: ProviderName | undefined = section.provider ?? flags.provider ?? config.provider ?? (await detectProvider(env, options.probeOllama));
  if (!providerName) throw new NoProviderError('embeddings: no provider configured (set llm.embeddings.provider in .iacpac.yaml)');
  const definition = PROVIDERS[providerName];
  if (!definition.createEmbedding) throw new NoProviderError(`embeddings: ${providerName} has no embeddings API; set llm.embeddings.provider to openai, azure, ollama or openai-compatible`);
  const apiKey = section.apiKeyEnv ? env[section.apiKeyEnv] : undefined;
  const baseUrl = section.baseUrl ?? (section.provider === undefined ? (flags.baseUrl ?? config.baseUrl) : undefined);
  const created = definition.createEmbedding({
    env,
    options: config.providerOptions ?? {},
    ...(section.model ? { modelId: section.model } : {}),
    ...(apiKey ? { apiKey } : {}),
    ...(baseUrl ? { baseUrl } : {}),
  });
  const cacheDir = flags.cache === false || config.cache?.enabled === false ? undefined : join(cacheRoot(env, flags.cacheDir ?? config.cache?.dir), 'embeddings');
  const retry = { ...config.retries, ...options.retry };
  const sleep = retry.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const keyOf = (text: string) => createHash('sha256').update(JSON.stringify([providerName, created.baseUrl ?? null, created.modelId, text])).digest('hex');

  const call = async (values: string[]): Promise<number[][]> => {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await embedMany({ model: created.model, values, maxRetries: 0 });
        return result.embeddings;
      } catch (error) {
        const mapped = mapError(error, providerName, created.modelId, created.secrets);
        if (!ApiCallError.isInstance(mapped) || !mapped.isRetryable || attempt >= (retry.maxRetries ?? 4)) throw mapped;
        await sleep(retryDelay(attempt + 1, mapped, retry));
      }
    }
  };

  return {
    provider: providerName,
    modelId: created.modelId,
    async embed(texts) {
      const out: Array<number[] | undefined> = texts.map((text) => (cacheDir ? readVector(join(cacheDir, `${keyOf(text)}.json`)) : undefined));
      const missing = texts.map((text, i) => ({ text, i })).filter(({ i }) => out[i] === undefined);
      for (let start = 0; start < missing.length; start += 64) {
        const batch = missing.slice(start, start + 64);
        const vectors = await call(batch.map((m) => m.text));
        batch.forEach(({ text, i }, j) => {
          out[i] = vectors[j]!;
          if (cacheDir) writeVector(cacheDir, `${keyOf(text)}.json`, vectors[j]!);
        });
      }
      return out as number[][];
    },
  };
}

export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

function mapError(error: unknown, provider: string, modelId: string, secrets: readonly string[]): LlmError {
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    return new ApiCallError(`${provider} embedding model ${modelId} failed at ${error.url}: ${status ? `HTTP ${status}` : redact(error.message, secrets)}`, {
      ...(status !== undefined ? { statusCode: status } : {}),
      isRetryable: status === undefined ? error.isRetryable : isRetryableStatus(status),
      url: error.url,
      ...(parseRetryAfter(error.responseHeaders) !== undefined ? { retryAfterMs: parseRetryAfter(error.responseHeaders)! } : {}),
      cause: error,
    });
  }
  return new LlmError(`${provider} embedding model ${modelId} failed: ${redact(error instanceof Error ? error.message : String(error), secrets)}`, { cause: error });
}

function readVector(file: string): number[] | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return Array.isArray(value) && value.every((x) => typeof x === 'number') ? (value as number[]) : undefined;
  } catch {
    return undefined;
  }
}

function writeVector(dir: string, name: string, vector: number[]): void {
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, name), JSON.stringify(vector));
  } catch {
    // cache is best effort
  }
}
