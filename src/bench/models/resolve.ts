import { resolve as resolvePath } from 'node:path';
import { UsageError } from '../../core/errors.ts';
import { loadConfigFile } from '../../llm/config.ts';
import { createRoleModels } from '../../llm/create-models.ts';
import { PROVIDER_NAMES, type ProviderName } from '../../llm/providers/provider-definition.ts';
import type { BenchTask } from '../dataset.ts';
import type { BenchModel } from './bench-model.ts';
import { llmBenchModel } from './llm-model.ts';
import { referenceModel } from './reference.ts';
import { replayModel } from './replay.ts';

/** Default concurrent requests per provider (rate limits differ; local servers serve one at a time). */
const DEFAULT_CONCURRENCY: Record<ProviderName, number> = { openai: 4, azure: 4, anthropic: 2, ollama: 1, 'openai-compatible': 2 };

export interface LlmChoice {
  provider?: string;
  baseUrl?: string;
  cache?: boolean;
  concurrency?: number;
}

const isProvider = (s: string): s is ProviderName => (PROVIDER_NAMES as readonly string[]).includes(s);

/** Splits `openai:gpt-4o` into provider + model id; a bare id uses --provider (or the environment's provider). */
export function parseModelSpec(spec: string, fallbackProvider?: string): { provider?: ProviderName; modelId: string } {
  const colon = spec.indexOf(':');
  if (colon > 0 && isProvider(spec.slice(0, colon))) return { provider: spec.slice(0, colon) as ProviderName, modelId: spec.slice(colon + 1) };
  if (fallbackProvider !== undefined && !isProvider(fallbackProvider))
    throw new UsageError(`unknown provider "${fallbackProvider}" (use one of: ${PROVIDER_NAMES.join(', ')})`);
  return { ...(fallbackProvider ? { provider: fallbackProvider as ProviderName } : {}), modelId: spec };
}

export async function resolveBenchModel(spec: string, tasks: BenchTask[], llm: LlmChoice): Promise<BenchModel> {
  if (spec === 'reference') return llm.concurrency ? { ...referenceModel, concurrency: llm.concurrency } : referenceModel;
  if (spec.startsWith('replay:')) {
    const file = spec.slice('replay:'.length);
    if (!file) throw new UsageError('--model replay:<file> needs a file (JSONL lines {"index","output"} or an IaC-Eval results CSV)');
    const model = replayModel(resolvePath(file), tasks);
    return llm.concurrency ? { ...model, concurrency: llm.concurrency } : model;
  }
  const { provider, modelId } = parseModelSpec(spec, llm.provider);
  const resolved = await createRoleModels({
    ...(provider ? { provider } : {}),
    model: modelId,
    ...(llm.baseUrl ? { baseUrl: llm.baseUrl } : {}),
    ...(llm.cache === false ? { cache: false } : {}),
  }, loadConfigFile(undefined).config.llm ?? {});
  const role = resolved.roles['iac-generator'];
  return llmBenchModel(role.model, {
    name: `${role.model.provider}:${role.model.modelId}`,
    concurrency: llm.concurrency ?? DEFAULT_CONCURRENCY[role.model.provider as ProviderName] ?? 2,
    sampling: role.sampling,
    timeoutMs: role.timeoutMs,
  });
}
