import { ApiCallError } from './errors/api-call-error.ts';
import { modelIdentity, type GenerateOptions, type GenerateResult, type LanguageModel } from './language-model.ts';

export interface RetrySettings {
  /** Retries after the first attempt (default 4). */
  maxRetries?: number;
  /** Of those, retries after a timeout (default 1): a server that sends nothing rarely recovers within seconds. */
  maxTimeoutRetries?: number;
  /** First backoff delay (default 1000 ms), doubled each retry. */
  initialDelayMs?: number;
  /** Cap for one delay, including a server's `retry-after` (default 60 s). */
  maxDelayMs?: number;
  /** Called before each retry wait (for traces and progress). */
  onRetry?: (event: { attempt: number; delayMs: number; error: ApiCallError }) => void;
  /** Injectable sleep (tests). */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Backoff before retry number `attempt` (1-based): the server's retry-after when given, else exponential; capped. */
export function retryDelay(attempt: number, error: ApiCallError, settings: RetrySettings = {}): number {
  const initial = settings.initialDelayMs ?? 1000;
  const cap = settings.maxDelayMs ?? 60_000;
  const exponential = initial * 2 ** (attempt - 1);
  return Math.min(cap, error.retryAfterMs ?? exponential);
}

/**
 * Wraps a model so transient API failures (429, 5xx, timeouts, network) are retried with exponential backoff,
 * honouring `retry-after`. These are the only retries: the SDK's own are disabled (`maxRetries: 0`). Retries are
 * reported in `result.retries`, never as model failures; non-retryable errors are thrown at once.
 */
export function withRetries(model: LanguageModel, settings: RetrySettings = {}): LanguageModel {
  const maxRetries = settings.maxRetries ?? 4;
  const maxTimeoutRetries = settings.maxTimeoutRetries ?? 1;
  const sleep = settings.sleep ?? defaultSleep;
  return {
    ...modelIdentity(model),
    async generate(options: GenerateOptions): Promise<GenerateResult> {
      const started = performance.now();
      let timeouts = 0;
      for (let attempt = 0; ; attempt++) {
        try {
          const result = await model.generate(options);
          return { ...result, retries: result.retries + attempt, latencyMs: Math.round(performance.now() - started) };
        } catch (error) {
          if (!ApiCallError.isInstance(error) || !error.isRetryable || attempt >= maxRetries || options.abortSignal?.aborted) throw error;
          if (error.isTimeout && timeouts++ >= maxTimeoutRetries) throw error;
          const delayMs = retryDelay(attempt + 1, error, settings);
          settings.onRetry?.({ attempt: attempt + 1, delayMs, error });
          await sleep(delayMs);
        }
      }
    },
  };
}
