import { z } from 'zod';
import { loadConfigFile } from '../llm/config.ts';
import { createRoleModels } from '../llm/create-models.ts';
import { parseJsonReply } from '../llm/structured-output.ts';
import type { BenchTask } from './dataset.ts';
import { parseModelSpec, type LlmChoice } from './models/resolve.ts';
import { fill, loadPromptTemplates, type PromptTemplates } from './prompts.ts';
import type { BenchJudge } from './run-bench.ts';

const JudgeReply = z.object({ score: z.coerce.number().int().min(1).max(5), reasons: z.string().default('') });

/** The intent-resolution judge: an LLM scores 1-5 with reasons, validated with zod. */
export async function createJudge(spec: string, llm: LlmChoice, templates: PromptTemplates = loadPromptTemplates()): Promise<BenchJudge> {
  const { provider, modelId } = parseModelSpec(spec, llm.provider);
  const resolved = await createRoleModels(
    { ...(provider ? { provider } : {}), model: modelId, ...(llm.baseUrl ? { baseUrl: llm.baseUrl } : {}), ...(llm.cache === false ? { cache: false } : {}) },
    loadConfigFile(undefined).config.llm ?? {},
  );
  const reviewer = resolved.roles.reviewer;
  return {
    async score(task: BenchTask, terraform: string) {
      const result = await reviewer.model.generate({
        ...reviewer.sampling,
        timeoutMs: reviewer.timeoutMs,
        messages: [
          { role: 'system', content: templates.judge_system.trim() },
          { role: 'user', content: fill(templates.judge, { prompt: task.prompt, intent: task.intent || task.prompt, output: terraform.trimEnd() }).trim() },
        ],
      });
      const reply = parseJsonReply(result.text, JudgeReply);
      return {
        score: reply.score,
        reasons: reply.reasons,
        usage: { input_tokens: result.usage.inputTokens, output_tokens: result.usage.outputTokens, cost_usd: result.costUsd, latency_ms: Math.round(result.latencyMs), cached: result.cached },
      };
    },
  };
}
