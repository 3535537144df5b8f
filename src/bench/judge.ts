import { resolve as resolvePath } from 'node:path';
import { z } from 'zod';
import { errorMessage, InputError, UsageError } from '../core/errors.ts';
import { loadConfigFile } from '../llm/config.ts';
import { createRoleModels } from '../llm/create-models.ts';
import { ApiCallError } from '../llm/errors/api-call-error.ts';
import { InvalidResponseError } from '../llm/errors/invalid-response-error.ts';
import { parseJsonReply } from '../llm/structured-output.ts';
import type { BenchTask } from './dataset.ts';
import { judgeFailureReason, type JudgeFailureReason } from './judge-health.ts';
import type { RecordedUsage } from './models/bench-model.ts';
import { readJsonLines, recordedUsage } from './models/replay.ts';
import { parseModelSpec, type LlmChoice } from './models/resolve.ts';
import { fill, loadPromptTemplates, type PromptTemplates } from './prompts.ts';
import type { AttemptRecord } from './results-store.ts';
import type { BenchJudge, JudgeContext } from './run-bench.ts';

const JudgeReply = z.object({ score: z.coerce.number().int().min(1).max(5), reasons: z.string().default('') });

/** A judge call that gave no score: why (grouped in reports), what happened, and the tokens it still cost. */
export class JudgeError extends Error {
  constructor(
    readonly reason: JudgeFailureReason,
    message: string,
    readonly usage: AttemptRecord['usage'] = { input_tokens: 0, output_tokens: 0, cost_usd: 0, latency_ms: 0, cached: false },
  ) {
    super(message);
    this.name = 'JudgeError';
  }
}

/** Where the judge's raw reply comes from: an LLM, or a recording of one. */
interface JudgeReplySource {
  reply(task: BenchTask, terraform: string, context: JudgeContext): Promise<{ text: string; usage: AttemptRecord['usage'] }>;
}

/** The judge's reply text -> score and reasons (zod-validated), or a JudgeError saying why not. */
function judgeFrom(source: JudgeReplySource): BenchJudge {
  return {
    async score(task, terraform, context = { model: '', sample: 0 }) {
      let reply;
      try {
        reply = await source.reply(task, terraform, context);
      } catch (error) {
        if (error instanceof JudgeError) throw error;
        const message = errorMessage(error);
        throw new JudgeError(judgeFailureReason(message, ApiCallError.isInstance(error) ? error.statusCode : undefined), message);
      }
      try {
        const parsed = parseJsonReply(reply.text, JudgeReply);
        return { score: parsed.score, reasons: parsed.reasons, usage: reply.usage };
      } catch (error) {
        const message = errorMessage(error);
        const excerpt = error instanceof InvalidResponseError ? `; the reply began ${JSON.stringify(reply.text.trim().slice(0, 80))}` : '';
        throw new JudgeError(judgeFailureReason(message), `${message}${excerpt}`, reply.usage);
      }
    },
  };
}

/** Recorded judge replies: JSONL lines `{"index", "reply", "sample"?, "model"?, "usage"?}` (`model` omitted = any model). */
function replayJudgeSource(path: string): JudgeReplySource {
  const replies = new Map<string, { text: string; usage?: RecordedUsage }>();
  for (const { line, row } of readJsonLines(path)) {
    if (typeof row.index !== 'number' || typeof row.reply !== 'string')
      throw new InputError(`${path}:${line}: each judge line needs "index" (number) and "reply" (string)`);
    const usage = recordedUsage(row.usage, `${path}:${line}`);
    const model = typeof row.model === 'string' ? row.model : '';
    replies.set(`${model}\u0000${row.index}\u0000${typeof row.sample === 'number' ? row.sample : 0}`, { text: row.reply, ...(usage ? { usage } : {}) });
  }
  return {
    async reply(task, _terraform, { model, sample }) {
      const recorded = replies.get(`${model}\u0000${task.index}\u0000${sample}`) ?? replies.get(`\u0000${task.index}\u0000${sample}`);
      if (!recorded) throw new JudgeError('no recorded reply', `no recorded judge reply for row ${task.index} sample ${sample} in ${path}`);
      const usage = recorded.usage ?? { input_tokens: 0, output_tokens: 0, cost_usd: 0, latency_ms: 0 };
      return { text: recorded.text, usage: { ...usage, cached: false } };
    },
  };
}

/**
 * The intent-resolution judge: an LLM (or `replay:<file>` of recorded judge replies) scores 1-5 with reasons,
 * validated with zod. Every call that gives no score throws a JudgeError with its reason.
 */
export async function createJudge(spec: string, llm: LlmChoice, templates: PromptTemplates = loadPromptTemplates()): Promise<BenchJudge> {
  if (spec.startsWith('replay:')) {
    const file = spec.slice('replay:'.length);
    if (!file) throw new UsageError('--judge-model replay:<file> needs a file (JSONL lines {"index","reply"})');
    return judgeFrom(replayJudgeSource(resolvePath(file)));
  }
  const { provider, modelId } = parseModelSpec(spec, llm.provider);
  const resolved = await createRoleModels(
    { ...(provider ? { provider } : {}), model: modelId, ...(llm.baseUrl ? { baseUrl: llm.baseUrl } : {}), ...(llm.cache === false ? { cache: false } : {}) },
    loadConfigFile(undefined).config.llm ?? {},
  );
  const reviewer = resolved.roles.reviewer;
  return judgeFrom({
    async reply(task, terraform) {
      const result = await reviewer.model.generate({
        ...reviewer.sampling,
        timeoutMs: reviewer.timeoutMs,
        messages: [
          { role: 'system', content: templates.judge_system.trim() },
          { role: 'user', content: fill(templates.judge, { prompt: task.prompt, intent: task.intent || task.prompt, output: terraform.trimEnd() }).trim() },
        ],
      });
      return {
        text: result.text,
        usage: { input_tokens: result.usage.inputTokens, output_tokens: result.usage.outputTokens, cost_usd: result.costUsd, latency_ms: Math.round(result.latencyMs), cached: result.cached },
      };
    },
  });
}
