import type { LanguageModel, SamplingSettings } from '../../llm/language-model.ts';
import type { BenchModel } from './bench-model.ts';

/** A real LLM (already wrapped in retries and the response cache by the LLM layer) as a bench model. */
export function llmBenchModel(model: LanguageModel, options: { name?: string; concurrency: number; sampling: SamplingSettings; timeoutMs: number }): BenchModel {
  return {
    name: options.name ?? `${model.provider}:${model.modelId}`,
    concurrency: options.concurrency,
    async answer({ messages, sample }) {
      // Samples beyond the first differ by seed so the cache does not return the same answer for pass@k.
      return model.generate({ messages, ...options.sampling, ...(sample > 0 ? { seed: sample } : {}), timeoutMs: options.timeoutMs });
    },
  };
}
