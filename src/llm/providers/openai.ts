import { createOpenAI } from '@ai-sdk/openai';
import { NoProviderError } from '../errors/no-provider-error.ts';
import { fetchOption, type ProviderDefinition } from './provider-definition.ts';

/** OpenAI (or any server speaking its chat-completions protocol at `--base-url`). Key: OPENAI_API_KEY. */
export const openaiProvider: ProviderDefinition = {
  name: 'openai',
  defaultModel: 'gpt-4o',
  configuredByEnv: (env) => Boolean(env.OPENAI_API_KEY),
  create(settings) {
    const apiKey = settings.apiKey ?? settings.env.OPENAI_API_KEY;
    if (!apiKey) throw new NoProviderError('openai: no API key: set OPENAI_API_KEY (or apiKey in .iacpac.yaml)');
    const baseUrl = settings.baseUrl ?? settings.env.OPENAI_BASE_URL;
    const modelId = settings.modelId ?? 'gpt-4o';
    const provider = createOpenAI({ apiKey, ...(baseUrl ? { baseURL: baseUrl } : {}), ...fetchOption(settings) });
    // Chat completions, the protocol every OpenAI-compatible server implements (the default is the Responses API).
    return { model: provider.chat(modelId), modelId, ...(baseUrl ? { baseUrl } : {}), secrets: [apiKey] };
  },
  defaultEmbeddingModel: 'text-embedding-3-small',
  createEmbedding(settings) {
    const apiKey = settings.apiKey ?? settings.env.OPENAI_API_KEY;
    if (!apiKey) throw new NoProviderError('openai: no API key: set OPENAI_API_KEY (or apiKey in .iacpac.yaml)');
    const baseUrl = settings.baseUrl ?? settings.env.OPENAI_BASE_URL;
    const modelId = settings.modelId ?? 'text-embedding-3-small';
    const provider = createOpenAI({ apiKey, ...(baseUrl ? { baseURL: baseUrl } : {}) });
    return { model: provider.embedding(modelId), modelId, ...(baseUrl ? { baseUrl } : {}), secrets: [apiKey] };
  },
};
