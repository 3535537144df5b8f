import { anthropicProvider } from './anthropic.ts';
import { azureProvider } from './azure.ts';
import { ollamaProvider } from './ollama.ts';
import { openaiCompatibleProvider } from './openai-compatible.ts';
import { openaiProvider } from './openai.ts';
import type { ProviderDefinition, ProviderName } from './provider-definition.ts';

/** Every provider, in the order the environment is probed when none is chosen explicitly. */
export const PROVIDERS: Readonly<Record<ProviderName, ProviderDefinition>> = {
  openai: openaiProvider,
  azure: azureProvider,
  anthropic: anthropicProvider,
  ollama: ollamaProvider,
  'openai-compatible': openaiCompatibleProvider,
};
