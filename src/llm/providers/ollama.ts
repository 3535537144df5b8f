import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { fetchOption, type ProviderDefinition } from './provider-definition.ts';

export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';

/** `OLLAMA_HOST` as Ollama itself accepts it (`host:port`, `0.0.0.0`, or a URL) -> a base URL without trailing slash. */
export function ollamaHost(env: NodeJS.ProcessEnv): string {
  let host = (env.OLLAMA_HOST ?? '').trim() || DEFAULT_OLLAMA_HOST;
  if (!/^https?:\/\//.test(host)) host = `http://${host}`;
  const url = new URL(host);
  if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
  if (!url.port && url.protocol === 'http:' && !/:\d+/.test(host)) url.port = '11434';
  return url.toString().replace(/\/+$/, '');
}

/** True when an Ollama server answers `GET /api/tags` within `timeoutMs`. */
export async function ollamaReachable(env: NodeJS.ProcessEnv, timeoutMs = 1500): Promise<boolean> {
  try {
    const response = await fetch(`${ollamaHost(env)}/api/tags`, { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Ollama through its OpenAI-compatible endpoint at `$OLLAMA_HOST/v1` (no key). */
export const ollamaProvider: ProviderDefinition = {
  name: 'ollama',
  defaultModel: 'llama3.1',
  configuredByEnv: (env) => Boolean(env.OLLAMA_HOST),
  create(settings) {
    const baseUrl = settings.baseUrl ?? `${ollamaHost(settings.env)}/v1`;
    const modelId = settings.modelId ?? 'llama3.1';
    const provider = createOpenAICompatible({ name: 'ollama', baseURL: baseUrl, includeUsage: true, ...fetchOption(settings) });
    return { model: provider.chatModel(modelId), modelId, baseUrl, secrets: [] };
  },
  defaultEmbeddingModel: 'nomic-embed-text',
  createEmbedding(settings) {
    const baseUrl = settings.baseUrl ?? `${ollamaHost(settings.env)}/v1`;
    const modelId = settings.modelId ?? 'nomic-embed-text';
    const provider = createOpenAICompatible({ name: 'ollama', baseURL: baseUrl });
    return { model: provider.embeddingModel(modelId), modelId, baseUrl, secrets: [] };
  },
};
