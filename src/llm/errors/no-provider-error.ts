import { LlmError } from './llm-error.ts';

/** No model provider is configured (and no local Ollama answered). The message says how to configure one. */
export class NoProviderError extends LlmError {
  constructor(message: string) {
    super(message);
    this.name = 'NoProviderError';
  }
}
