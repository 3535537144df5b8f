import { APICallError, NoOutputGeneratedError, streamText } from 'ai';
import type { LanguageModel as AiSdkLanguageModel } from 'ai';
import { formatBytes } from '../core/bytes.ts';
import { ApiCallError, isRetryableStatus, parseRetryAfter } from './errors/api-call-error.ts';
import { LlmError } from './errors/llm-error.ts';
import { ReplyTooLargeError } from './errors/reply-too-large-error.ts';
import { watchCall, type CallWatch } from './guarded-fetch.ts';
import type { FinishReason, GenerateOptions, GenerateResult, LanguageModel } from './language-model.ts';
import { costOf, type Price } from './pricing.ts';
import { redact } from './redact.ts';

// The AI SDK logs warnings with console.warn; iacpac's output goes through its own logger only.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

/** Bounds of one request (defaults in `create-models.ts`: `DEFAULT_LIMITS`). */
export interface CallLimits {
  /** No byte for this long (before the first, then between bytes): a retryable timeout. */
  firstByteTimeoutMs: number;
  /** The reply text may not exceed this many UTF-8 bytes (the HTTP bodies may carry 64 times as much). */
  maxReplyBytes: number;
}

export interface AiSdkModelSettings {
  provider: string;
  modelId: string;
  baseUrl?: string;
  price?: Price;
  /** Secret values to keep out of error messages. */
  secrets?: readonly string[];
  /** Wire bounds; they only apply when the provider was built with `guardedFetch`. */
  limits?: CallLimits;
}

/** Streamed events carry tens of bytes of JSON per token, so the wire bound is a multiple of the text bound. */
const WIRE_OVERHEAD = 64;

const FINISH_REASONS = new Set<FinishReason>(['stop', 'length', 'content-filter', 'tool-calls', 'error', 'other', 'unknown']);

/**
 * Adapts a Vercel AI SDK model to iacpac's `LanguageModel`: exactly one HTTP attempt per call (the SDK's retries are
 * off, `retry.ts` owns retrying), the reply streamed so a stalled server, a cut connection and an oversized reply are
 * noticed while they happen, the total time bounded by `timeoutMs`, errors mapped to `ApiCallError`/`LlmError`.
 */
export function fromAiSdk(model: AiSdkLanguageModel, settings: AiSdkModelSettings): LanguageModel {
  const secrets = settings.secrets ?? [];
  const where = `${settings.provider} model ${settings.modelId}`;
  const limits = settings.limits ?? { firstByteTimeoutMs: 30_000, maxReplyBytes: 1 << 20 };
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
      const own = new AbortController();
      const total = options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined;
      const signals = [options.abortSignal, total, own.signal].filter((s): s is AbortSignal => s !== undefined);
      const watch: CallWatch = { where, firstByteTimeoutMs: limits.firstByteTimeoutMs, maxBodyBytes: limits.maxReplyBytes * WIRE_OVERHEAD, receivedBytes: 0 };
      try {
        return await watchCall(watch, async () => {
          const stream = streamText({
            model,
            ...(system ? { system } : {}),
            messages,
            maxRetries: 0,
            abortSignal: AbortSignal.any(signals),
            onError: () => {},
            ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
            ...(options.maxOutputTokens !== undefined ? { maxOutputTokens: options.maxOutputTokens } : {}),
            ...(options.topP !== undefined ? { topP: options.topP } : {}),
            ...(options.seed !== undefined ? { seed: options.seed } : {}),
          });
          let text = '';
          let textBytes = 0;
          for await (const part of stream.fullStream) {
            if (part.type === 'text-delta') {
              textBytes += Buffer.byteLength(part.text);
              if (textBytes > limits.maxReplyBytes) {
                const error = new ReplyTooLargeError(`${where}: the reply exceeded ${formatBytes(limits.maxReplyBytes)} (raise llm.maxReplyBytes in .iacpac.yaml)`, limits.maxReplyBytes);
                own.abort(error);
                throw error;
              }
              text += part.text;
              options.onReceive?.(textBytes);
            } else if (part.type === 'error') {
              throw part.error;
            } else if (part.type === 'abort') {
              throw watch.failure ?? (total?.aborted ? total.reason : new DOMException('aborted', 'AbortError'));
            } else if (part.type === 'finish') {
              if (part.finishReason === 'other' && part.rawFinishReason === undefined) {
                // The stream ended without the server's finish event: a reply cut off (or not a model reply at all).
                throw new ApiCallError(`${where}: the reply ended before the server marked it complete (after ${formatBytes(watch.receivedBytes)})`, { isRetryable: true });
              }
              const inputTokens = part.totalUsage.inputTokens ?? 0;
              const outputTokens = part.totalUsage.outputTokens ?? 0;
              const usage = { inputTokens, outputTokens, totalTokens: part.totalUsage.totalTokens ?? inputTokens + outputTokens };
              const finishReason = FINISH_REASONS.has(part.finishReason as FinishReason) ? (part.finishReason as FinishReason) : 'other';
              return { text, usage, finishReason, latencyMs: Math.round(performance.now() - started), cached: false, costUsd: costOf(usage, settings.price), retries: 0 };
            }
          }
          throw new ApiCallError(`${where}: the reply ended before the server marked it complete (after ${formatBytes(watch.receivedBytes)})`, { isRetryable: true });
        });
      } catch (error) {
        throw toLlmError(watch.failure ?? error, settings, secrets, { callerSignal: options.abortSignal, total, timeoutMs: options.timeoutMs });
      }
    },
  };
}

function toLlmError(error: unknown, settings: AiSdkModelSettings, secrets: readonly string[], context: { callerSignal?: AbortSignal | undefined; total?: AbortSignal | undefined; timeoutMs?: number | undefined }): LlmError {
  const where = `${settings.provider} model ${settings.modelId}`;
  if (LlmError.isInstance(error)) return error;
  if (context.total?.aborted && !context.callerSignal?.aborted) {
    // Data kept coming but the whole reply took too long: another attempt would take as long, so it is not retried.
    return new ApiCallError(`${where}: no complete reply within ${Math.round((context.timeoutMs ?? 0) / 100) / 10} s (llm.timeoutMs in .iacpac.yaml raises it)`, { isRetryable: false, isTimeout: true, cause: error });
  }
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    const body = error.responseBody ? redact(error.responseBody, secrets).slice(0, 500) : undefined;
    const retryAfterMs = parseRetryAfter(error.responseHeaders);
    const isRetryable = status === undefined || status < 400 ? error.isRetryable : isRetryableStatus(status);
    const reason = status === undefined || status < 400 ? redact(oneLine(error.message), secrets) : `HTTP ${status}${body ? `: ${oneLine(body)}` : ''}`;
    return new ApiCallError(`${where} failed at ${error.url}: ${reason}${hintFor(status)}`, {
      ...(status !== undefined ? { statusCode: status } : {}),
      isRetryable,
      url: error.url,
      ...(body !== undefined ? { responseBody: body } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      cause: error,
    });
  }
  if (NoOutputGeneratedError.isInstance(error)) {
    return new ApiCallError(`${where}: the reply ended before the server marked it complete`, { isRetryable: true, cause: error });
  }
  const name = error instanceof Error ? error.name : '';
  if ((name === 'TimeoutError' || name === 'AbortError') && !context.callerSignal?.aborted) {
    return new ApiCallError(`${where} timed out`, { isRetryable: true, isTimeout: true, cause: error });
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
