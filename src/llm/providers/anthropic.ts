import { createAnthropic } from '@ai-sdk/anthropic';
import { NoProviderError } from '../errors/no-provider-error.ts';
import { fetchOption, type ProviderDefinition } from './provider-definition.ts';

/** Anthropic Messages API. Key: ANTHROPIC_API_KEY. */
export const anthropicProvider: ProviderDefinition = {
  name: 'anthropic',
  defaultModel: 'claude-sonnet-4-5',
  configuredByEnv: (env) => Boolean(env.ANTHROPIC_API_KEY),
  create(settings) {
    const apiKey = settings.apiKey ?? settings.env.ANTHROPIC_API_KEY;
    if (!apiKey) throw new NoProviderError('anthropic: no API key: set ANTHROPIC_API_KEY (or apiKey in .iacpac.yaml)');
    const baseUrl = settings.baseUrl;
    const modelId = settings.modelId ?? 'claude-sonnet-4-5';
    const provider = createAnthropic({ apiKey, ...(baseUrl ? { baseURL: baseUrl } : {}), ...fetchOption(settings) });
    return { model: provider(modelId), modelId, ...(baseUrl ? { baseUrl } : {}), secrets: [apiKey] };
  },
};
