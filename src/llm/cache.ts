import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { modelIdentity, type GenerateOptions, type GenerateResult, type LanguageModel } from './language-model.ts';
import { maskSecrets } from './redact.ts';

/**
 * The folder of iacpac's on-disk caches: `llm/` (model replies), `kb/` (knowledge-base index), `embeddings/`.
 * `--cache-dir`, else `llm.cache.dir` in .iacpac.yaml, else `$IACPAC_CACHE_DIR`, else `$XDG_CACHE_HOME/iacpac`,
 * else `~/.cache/iacpac`. A leading `~/` means the home directory.
 */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env, configured?: string): string {
  const dir = configured ?? env.IACPAC_CACHE_DIR;
  if (dir) return dir === '~' || dir.startsWith('~/') ? join(env.HOME || homedir(), dir.slice(1)) : dir;
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'iacpac');
}

/** The model-reply cache under the default cache root. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheRoot(env), 'llm');
}

/** The cache key: a SHA-256 of everything that shapes the reply (provider, endpoint, model, messages, sampling). */
export function requestKey(model: Pick<LanguageModel, 'provider' | 'modelId' | 'baseUrl'>, options: GenerateOptions): string {
  const request = {
    provider: model.provider,
    baseUrl: model.baseUrl ?? null,
    modelId: model.modelId,
    messages: options.messages.map((m) => [m.role, m.content]),
    temperature: options.temperature ?? null,
    maxOutputTokens: options.maxOutputTokens ?? null,
    topP: options.topP ?? null,
    seed: options.seed ?? null,
  };
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

interface CacheEntry {
  key: string;
  result: Pick<GenerateResult, 'text' | 'usage' | 'finishReason' | 'costUsd'>;
}

export interface CacheSettings {
  /** Secret values (API keys) masked in every stored reply, so a server that echoes a key never puts it on disk. */
  secrets?: readonly string[];
  /** Entries whose text is larger than this are neither stored nor served (the reply bound, `llm.maxReplyBytes`). */
  maxReplyBytes?: number;
}

/**
 * Wraps a model with an on-disk response cache (one JSON file per request key, written atomically). Only complete
 * replies (`finishReason` stop/length) are stored, with secrets masked. A hit costs nothing and reports `cached: true`.
 */
export function withCache(model: LanguageModel, dir: string, settings: CacheSettings = {}): LanguageModel {
  const secrets = settings.secrets ?? [];
  const maxBytes = settings.maxReplyBytes ?? Infinity;
  return {
    ...modelIdentity(model),
    async generate(options: GenerateOptions): Promise<GenerateResult> {
      const started = performance.now();
      const key = requestKey(model, options);
      const file = join(dir, key.slice(0, 2), `${key}.json`);
      const hit = readEntry(file, key);
      if (hit && Buffer.byteLength(hit.result.text) <= maxBytes) {
        return { ...hit.result, text: maskSecrets(hit.result.text, secrets), cached: true, costUsd: 0, retries: 0, latencyMs: Math.round(performance.now() - started) };
      }
      const result = await model.generate(options);
      if ((result.finishReason === 'stop' || result.finishReason === 'length') && Buffer.byteLength(result.text) <= maxBytes) {
        const entry: CacheEntry = {
          key,
          result: { text: maskSecrets(result.text, secrets), usage: result.usage, finishReason: result.finishReason, costUsd: result.costUsd },
        };
        try {
          mkdirSync(join(dir, key.slice(0, 2)), { recursive: true });
          const temp = `${file}.${process.pid}.tmp`;
          writeFileSync(temp, JSON.stringify(entry));
          renameSync(temp, file);
        } catch {
          // A cache that cannot be written only costs a repeated call later.
        }
      }
      return result;
    },
  };
}

function readEntry(file: string, key: string): CacheEntry | undefined {
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as CacheEntry;
    return entry.key === key && typeof entry.result?.text === 'string' ? entry : undefined;
  } catch {
    return undefined;
  }
}
