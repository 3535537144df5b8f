import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { NoProviderError } from '../errors/no-provider-error.ts';
import { fetchOption, type ProviderDefinition } from './provider-definition.ts';

/** Any OpenAI-compatible server (vLLM, LM Studio, llama.cpp, gateways). Needs --base-url and --model; key optional. */
export const openaiCompatibleProvider: ProviderDefinition = {
  name: 'openai-compatible',
  configuredByEnv: (env) => Boolean(env.OPENAI_COMPATIBLE_BASE_URL),
  create(settings) {
    const baseUrl = settings.baseUrl ?? settings.env.OPENAI_COMPATIBLE_BASE_URL;
    if (!baseUrl) throw new NoProviderError('openai-compatible: no endpoint: pass --base-url <url> (e.g. http://localhost:8000/v1)');
    const modelId = settings.modelId ?? settings.env.OPENAI_COMPATIBLE_MODEL;
    if (!modelId) throw new NoProviderError('openai-compatible: no model: pass --model <id>');
    const apiKey = settings.apiKey ?? settings.env.OPENAI_COMPATIBLE_API_KEY;
    const provider = createOpenAICompatible({ name: 'openai-compatible', baseURL: baseUrl, includeUsage: true, ...(apiKey ? { apiKey } : {}), ...fetchOption(settings) });
    return { model: provider.chatModel(modelId), modelId, baseUrl, secrets: apiKey ? [apiKey] : [] };
  },
  createEmbedding(settings) {
    const baseUrl = settings.baseUrl ?? settings.env.OPENAI_COMPATIBLE_BASE_URL;
    if (!baseUrl) throw new NoProviderError('openai-compatible: no endpoint: pass --base-url <url> (e.g. http://localhost:8000/v1)');
    if (!settings.modelId) throw new NoProviderError('openai-compatible: no embedding model: set llm.embeddings.model in .iacpac.yaml');
    const apiKey = settings.apiKey ?? settings.env.OPENAI_COMPATIBLE_API_KEY;
    const provider = createOpenAICompatible({ name: 'openai-compatible', baseURL: baseUrl, ...(apiKey ? { apiKey } : {}) });
    return { model: provider.embeddingModel(settings.modelId), modelId: settings.modelId, baseUrl, secrets: apiKey ? [apiKey] : [] };
  },
};
