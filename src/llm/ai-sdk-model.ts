import { APICallError, generateText } from 'ai';
import type { LanguageModel as AiSdkLanguageModel } from 'ai';
import { ApiCallError, isRetryableStatus, parseRetryAfter } from './errors/api-call-error.ts';
import { LlmError } from './errors/llm-error.ts';
import type { FinishReason, GenerateOptions, GenerateResult, LanguageModel } from './language-model.ts';
import { costOf, type Price } from './pricing.ts';
import { redact } from './redact.ts';

// The AI SDK logs warnings with console.warn; iacpac's output goes through its own logger only.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

export interface AiSdkModelSettings {
  provider: string;
  modelId: string;
  baseUrl?: string;
  price?: Price;
  /** Secret values to keep out of error messages. */
  secrets?: readonly string[];
}

const FINISH_REASONS = new Set<FinishReason>(['stop', 'length', 'content-filter', 'tool-calls', 'error', 'other', 'unknown']);

/**
 * Adapts a Vercel AI SDK model to iacpac's `LanguageModel`: exactly one HTTP attempt per call (the SDK's retries are
 * off, `retry.ts` owns retrying), timeouts through an abort signal, errors mapped to `ApiCallError`.
 */
export function fromAiSdk(model: AiSdkLanguageModel, settings: AiSdkModelSettings): LanguageModel {
  const secrets = settings.secrets ?? [];
  return {
    specificationVersion: 'v1',
    provider: settings.provider,
    modelId: settings.modelId,
    ...(settings.baseUrl !== undefined ? { baseUrl: settings.baseUrl } : {}),
    async generate(options: GenerateOptions): Promise<GenerateResult> {
      const started = performance.now();
      const system = options.messages.filter((m) => m.role === 'system').map((m) => m.content).join('\n\n');
      const messages = options.messages
        .filter((m) => m.role !== 'system')
        .map((m) => ({ role: m.role as 'user' | 'assistant', content: m.content }));
      const signals = [options.abortSignal, options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined].filter(
        (s): s is AbortSignal => s !== undefined,
      );
      try {
        const result = await generateText({
          model,
          ...(system ? { system } : {}),
          messages,
          maxRetries: 0,
          ...(signals.length ? { abortSignal: AbortSignal.any(signals) } : {}),
          ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
          ...(options.maxOutputTokens !== undefined ? { maxOutputTokens: options.maxOutputTokens } : {}),
          ...(options.topP !== undefined ? { topP: options.topP } : {}),
          ...(options.seed !== undefined ? { seed: options.seed } : {}),
        });
        const inputTokens = result.usage.inputTokens ?? 0;
        const outputTokens = result.usage.outputTokens ?? 0;
        const usage = { inputTokens, outputTokens, totalTokens: result.usage.totalTokens ?? inputTokens + outputTokens };
        const finishReason = FINISH_REASONS.has(result.finishReason as FinishReason) ? (result.finishReason as FinishReason) : 'other';
        return {
          text: result.text,
          usage,
          finishReason,
          latencyMs: Math.round(performance.now() - started),
          cached: false,
          costUsd: costOf(usage, settings.price),
          retries: 0,
        };
      } catch (error) {
        throw toLlmError(error, settings, secrets, options.abortSignal);
      }
    },
  };
}

function toLlmError(error: unknown, settings: AiSdkModelSettings, secrets: readonly string[], callerSignal?: AbortSignal): LlmError {
  const where = `${settings.provider} model ${settings.modelId}`;
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    const body = error.responseBody ? redact(error.responseBody, secrets).slice(0, 500) : undefined;
    const retryAfterMs = parseRetryAfter(error.responseHeaders);
    const isRetryable = status === undefined ? error.isRetryable : isRetryableStatus(status);
    const reason = status === undefined ? redact(error.message, secrets) : `HTTP ${status}${body ? `: ${oneLine(body)}` : ''}`;
    return new ApiCallError(`${where} failed at ${error.url}: ${reason}${hintFor(status)}`, {
      ...(status !== undefined ? { statusCode: status } : {}),
      isRetryable,
      url: error.url,
      ...(body !== undefined ? { responseBody: body } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      cause: error,
    });
  }
  const name = error instanceof Error ? error.name : '';
  if ((name === 'TimeoutError' || name === 'AbortError') && !callerSignal?.aborted) {
    return new ApiCallError(`${where} timed out`, { isRetryable: true, cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new LlmError(`${where} failed: ${redact(oneLine(message), secrets)}`, { cause: error });
}

function hintFor(status: number | undefined): string {
  if (status === 401 || status === 403) return ' (check the API key)';
  if (status === 404) return ' (check --model and --base-url)';
  return '';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
