import type { RoleModel } from '../llm/create-models.ts';
import type { ChatMessage, GenerateResult } from '../llm/language-model.ts';
import { errorMessage } from '../core/errors.ts';
import type { Trace } from './trace.ts';

/** One LLM call of an agent, recorded in the trace whether it succeeds or fails. */
export async function callModel(roleModel: RoleModel, messages: ChatMessage[], trace: Trace, iteration: number): Promise<GenerateResult> {
  const base = { iteration, role: roleModel.role, provider: roleModel.model.provider, model: roleModel.model.modelId, messages };
  try {
    const result = await roleModel.model.generate({ messages, ...roleModel.sampling, timeoutMs: roleModel.timeoutMs });
    trace.llmCall({
      ...base,
      response: result.text,
      usage: result.usage,
      costUsd: result.costUsd,
      latencyMs: result.latencyMs,
      cached: result.cached,
      retries: result.retries,
      finishReason: result.finishReason,
    });
    return result;
  } catch (error) {
    trace.llmCall({ ...base, error: errorMessage(error) });
    throw error;
  }
}
