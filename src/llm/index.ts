// Public surface of the LLM layer.
export type * from './language-model.ts';
export { ZERO_USAGE } from './language-model.ts';
export { LlmError } from './errors/llm-error.ts';
export { ApiCallError, isRetryableStatus, parseRetryAfter } from './errors/api-call-error.ts';
export { NoProviderError } from './errors/no-provider-error.ts';
export { InvalidResponseError } from './errors/invalid-response-error.ts';
export { fromAiSdk } from './ai-sdk-model.ts';
export { withRetries, retryDelay, type RetrySettings } from './retry.ts';
export { withCache, requestKey, defaultCacheDir, cacheRoot } from './cache.ts';
export { PRICES, findPrice, costOf, type Price } from './pricing.ts';
export { redact, redactValue, REDACTED } from './redact.ts';
export { parseJsonReply } from './structured-output.ts';
export { ROLES, loadConfigFile, llmConfigSchema, configFileSchema, type Role, type LlmConfig, type ConfigFile } from './config.ts';
export { createRoleModels, detectProvider, NO_PROVIDER_MESSAGE, type LlmFlags, type RoleModel, type ResolvedModels } from './create-models.ts';
export { PROVIDERS } from './providers/index.ts';
export { PROVIDER_NAMES, type ProviderName, type ProviderDefinition } from './providers/provider-definition.ts';
