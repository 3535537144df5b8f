import { AsyncLocalStorage } from 'node:async_hooks';
import { formatBytes } from '../core/bytes.ts';
import { ApiCallError } from './errors/api-call-error.ts';
import type { LlmError } from './errors/llm-error.ts';
import { ReplyTooLargeError } from './errors/reply-too-large-error.ts';

/**
 * What one model call allows on the wire, and what it saw. Set by `watchCall` around a call; the `fetch` given to
 * every provider (`guardedFetch`) reads it, so the AI SDK's own request code runs unchanged underneath.
 */
export interface CallWatch {
  /** `openai model gpt-4o`, for messages. */
  where: string;
  /** Abort when nothing arrives for this long: before the first byte of the response, and then between bytes. */
  firstByteTimeoutMs: number;
  /** Abort when the response bodies of the call exceed this many bytes. */
  maxBodyBytes: number;
  /** Bytes received so far. */
  receivedBytes: number;
  /** The first transport failure (stall, oversize, cut connection), reported instead of the SDK's wrapping of it. */
  failure?: LlmError;
}

const calls = new AsyncLocalStorage<CallWatch>();

/** Runs `call` with `watch` in force for every request it makes through `guardedFetch`. */
export function watchCall<T>(watch: CallWatch, call: () => Promise<T>): Promise<T> {
  return calls.run(watch, call);
}

/**
 * A `fetch` for the providers that bounds each model request: a stall timeout (no byte for `firstByteTimeoutMs`,
 * counted from the request and then between chunks, so a slow model that streams keeps going while a dead server is
 * dropped), a cap on the bytes received, and a distinct, retryable error when the connection closes mid-body.
 * Outside `watchCall` (embeddings, probes) it is the plain `fetch`.
 */
export function guardedFetch(base: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    const watch = calls.getStore();
    if (!watch) return base(input, init);
    const controller = new AbortController();
    const outer = init?.signal ?? undefined;
    if (outer?.aborted) controller.abort(outer.reason);
    else outer?.addEventListener('abort', () => controller.abort(outer.reason), { once: true });
    let timer: NodeJS.Timeout | undefined;
    const fail = (error: LlmError): LlmError => {
      watch.failure ??= error;
      clearTimeout(timer);
      controller.abort(error);
      return watch.failure;
    };
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => fail(stalled(watch)), watch.firstByteTimeoutMs);
      timer.unref();
    };
    arm();
    let response: Response;
    try {
      response = await base(input, { ...init, signal: controller.signal });
    } catch (error) {
      clearTimeout(timer);
      throw watch.failure ?? error;
    }
    if (!response.body) {
      clearTimeout(timer);
      return response;
    }
    arm();
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(stream) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            clearTimeout(timer);
            stream.close();
            return;
          }
          watch.receivedBytes += value.byteLength;
          if (watch.receivedBytes > watch.maxBodyBytes) {
            stream.error(fail(new ReplyTooLargeError(`${watch.where}: the response exceeded ${formatBytes(watch.maxBodyBytes)} on the wire (64 × llm.maxReplyBytes; raise llm.maxReplyBytes in .iacpac.yaml)`, watch.maxBodyBytes)));
            return;
          }
          arm();
          stream.enqueue(value);
        } catch (error) {
          clearTimeout(timer);
          if (watch.failure || outer?.aborted) {
            stream.error(watch.failure ?? error);
            return;
          }
          // The server closed the connection before the body was complete: worth another attempt.
          stream.error(fail(new ApiCallError(`${watch.where}: the connection closed in the middle of the reply (after ${formatBytes(watch.receivedBytes)})`, { isRetryable: true })));
        }
      },
      cancel(reason) {
        clearTimeout(timer);
        return reader.cancel(reason);
      },
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

function stalled(watch: CallWatch): ApiCallError {
  const seconds = Math.round(watch.firstByteTimeoutMs / 100) / 10;
  const when = watch.receivedBytes === 0 ? 'no response' : `the reply stalled after ${formatBytes(watch.receivedBytes)}: nothing more`;
  return new ApiCallError(`${watch.where}: ${when} within ${seconds} s (llm.firstByteTimeoutMs in .iacpac.yaml raises it)`, { isRetryable: true, isTimeout: true });
}
