import { join } from 'node:path';
import { fromAiSdk, type CallLimits } from './ai-sdk-model.ts';
import { cacheRoot, withCache } from './cache.ts';
import { ROLES, type LlmConfig, type ModelSettings, type Role } from './config.ts';
import { NoProviderError } from './errors/no-provider-error.ts';
import type { LanguageModel, SamplingSettings } from './language-model.ts';
import { findPrice } from './pricing.ts';
import { PROVIDERS } from './providers/index.ts';
import { guardedFetch } from './guarded-fetch.ts';
import { ollamaReachable } from './providers/ollama.ts';
import type { ProviderName } from './providers/provider-definition.ts';
import { withRetries, type RetrySettings } from './retry.ts';

/** Command-line choices; they override the config file, which overrides the environment. */
export interface LlmFlags {
  provider?: ProviderName;
  model?: string;
  baseUrl?: string;
  /** false disables the response cache. */
  cache?: boolean;
  /** The cache root (`--cache-dir`); model replies go to `<dir>/llm`. */
  cacheDir?: string;
}

/**
 * Per-request bounds for interactive use: the whole reply within 2 minutes (streamed replies of several thousand
 * tokens fit), no silence longer than 30 s (a server that sends nothing is dropped and tried once more), at most
 * 1 MiB of reply text (far above any model's output limit; an oversized reply is never stored or sent back).
 */
export const DEFAULT_TIMEOUT_MS = 120_000;
export const DEFAULT_LIMITS: CallLimits = { firstByteTimeoutMs: 30_000, maxReplyBytes: 1 << 20 };

export interface RoleModel {
  role: Role;
  model: LanguageModel;
  sampling: SamplingSettings;
  timeoutMs: number;
}

export interface ResolvedModels {
  roles: Record<Role, RoleModel>;
  /** Every secret value in use, for redaction. */
  secrets: string[];
  /** The model-reply cache folder, when the cache is on. */
  cacheDir?: string;
}

export const NO_PROVIDER_MESSAGE =
  'no LLM provider configured: set OPENAI_API_KEY, ANTHROPIC_API_KEY or AZURE_OPENAI_API_KEY + AZURE_OPENAI_ENDPOINT + AZURE_OPENAI_DEPLOYMENT, ' +
  'start Ollama (or set OLLAMA_HOST), or pass --provider/--model/--base-url (or set llm.provider in .iacpac.yaml)';

/** The provider the environment configures, in PROVIDERS order; else a reachable Ollama (OLLAMA_HOST or the default port); else undefined. */
export async function detectProvider(env: NodeJS.ProcessEnv, probeOllama: (env: NodeJS.ProcessEnv) => Promise<boolean> = ollamaReachable): Promise<ProviderName | undefined> {
  for (const definition of Object.values(PROVIDERS)) {
    // Ollama counts only when it answers (OLLAMA_HOST alone does not make a server run).
    if (definition.name !== 'ollama' && definition.configuredByEnv(env)) return definition.name;
  }
  return (await probeOllama(env)) ? 'ollama' : undefined;
}

/**
 * Builds the model of each role (iac-generator, pac-generator, reviewer) with precedence
 * flags > config file (role section, then top level) > environment, wrapped in retries and the response cache.
 */
export async function createRoleModels(
  flags: LlmFlags,
  config: LlmConfig = {},
  env: NodeJS.ProcessEnv = process.env,
  options: { probeOllama?: (env: NodeJS.ProcessEnv) => Promise<boolean>; retry?: RetrySettings } = {},
): Promise<ResolvedModels> {
  let detected: ProviderName | undefined | null = null;
  const secrets = new Set<string>();
  const cacheEnabled = flags.cache !== false && config.cache?.enabled !== false;
  const cacheDir = cacheEnabled ? join(cacheRoot(env, flags.cacheDir ?? config.cache?.dir), 'llm') : undefined;
  const fetch = guardedFetch();
  const roles = {} as Record<Role, RoleModel>;
  for (const role of ROLES) {
    const section: ModelSettings = config.roles?.[role] ?? {};
    let providerName = flags.provider ?? section.provider ?? config.provider;
    if (!providerName) {
      if (detected === null) detected = await detectProvider(env, options.probeOllama);
      providerName = detected;
    }
    if (!providerName) throw new NoProviderError(NO_PROVIDER_MESSAGE);
    const sameProviderAsTop = section.provider === undefined || section.provider === config.provider;
    const pick = <K extends keyof ModelSettings>(key: K): ModelSettings[K] => section[key] ?? (sameProviderAsTop ? config[key] : undefined);
    const apiKeyEnv = pick('apiKeyEnv');
    const apiKey = pick('apiKey') ?? (apiKeyEnv ? env[apiKeyEnv] : undefined);
    if (apiKeyEnv && !apiKey) throw new NoProviderError(`${providerName}: environment variable ${apiKeyEnv} (llm.apiKeyEnv) is not set`);
    const modelId = flags.model ?? pick('model');
    const baseUrl = flags.baseUrl ?? pick('baseUrl');
    const created = PROVIDERS[providerName].create({
      env,
      options: { ...(config.providerOptions ?? {}), ...(section.providerOptions ?? {}) },
      ...(modelId ? { modelId } : {}),
      ...(apiKey ? { apiKey } : {}),
      ...(baseUrl ? { baseUrl } : {}),
      fetch,
    });
    for (const secret of created.secrets) secrets.add(secret);
    const limits: CallLimits = {
      firstByteTimeoutMs: pick('firstByteTimeoutMs') ?? DEFAULT_LIMITS.firstByteTimeoutMs,
      maxReplyBytes: pick('maxReplyBytes') ?? DEFAULT_LIMITS.maxReplyBytes,
    };
    let model = fromAiSdk(created.model, {
      provider: providerName,
      modelId: created.modelId,
      ...(created.baseUrl ? { baseUrl: created.baseUrl } : {}),
      ...(findPrice(providerName, created.modelId, config.prices) ? { price: findPrice(providerName, created.modelId, config.prices)! } : {}),
      secrets: created.secrets,
      limits,
    });
    model = withRetries(model, { ...config.retries, ...options.retry });
    if (cacheDir) model = withCache(model, cacheDir, { secrets: created.secrets, maxReplyBytes: limits.maxReplyBytes });
    const temperature = pick('temperature') ?? 0;
    const maxOutputTokens = pick('maxOutputTokens');
    roles[role] = {
      role,
      model,
      sampling: { temperature, ...(maxOutputTokens ? { maxOutputTokens } : {}) },
      timeoutMs: pick('timeoutMs') ?? DEFAULT_TIMEOUT_MS,
    };
  }
  return { roles, secrets: [...secrets], ...(cacheDir ? { cacheDir } : {}) };
}
