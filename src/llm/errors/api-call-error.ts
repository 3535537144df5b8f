import { LlmError } from './llm-error.ts';

const marker = Symbol.for('iacpac.llm.api-call-error');

/**
 * A failed HTTP call to a model API. `isRetryable` marks transient failures (429, 408, 409, 5xx, timeouts, network
 * errors): `retry.ts` retries them and counts them apart from model failures (bad or unusable replies).
 */
export class ApiCallError extends LlmError {
  readonly [marker] = true;
  readonly statusCode: number | undefined;
  readonly isRetryable: boolean;
  /** No data arrived in time (the retry loop allows fewer retries for these than for 429/5xx). */
  readonly isTimeout: boolean;
  readonly url: string | undefined;
  readonly responseBody: string | undefined;
  /** Delay the server asked for (`retry-after` / `retry-after-ms`), in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    details: { statusCode?: number; isRetryable: boolean; isTimeout?: boolean; url?: string; responseBody?: string; retryAfterMs?: number; cause?: unknown },
  ) {
    super(message, { cause: details.cause });
    this.name = 'ApiCallError';
    this.statusCode = details.statusCode;
    this.isRetryable = details.isRetryable;
    this.isTimeout = details.isTimeout ?? false;
    this.url = details.url;
    this.responseBody = details.responseBody;
    this.retryAfterMs = details.retryAfterMs;
  }

  static override isInstance(error: unknown): error is ApiCallError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/** HTTP statuses worth retrying: rate limits, timeouts, conflicts and server errors. */
export function isRetryableStatus(statusCode: number): boolean {
  return statusCode === 408 || statusCode === 409 || statusCode === 429 || statusCode >= 500;
}

/** Parses `retry-after-ms` / `retry-after` (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(headers: Record<string, string | undefined> | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const ms = Number(lower['retry-after-ms']);
  if (lower['retry-after-ms'] !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const value = lower['retry-after'];
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
