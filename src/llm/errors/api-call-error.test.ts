import { describe, expect, it } from 'vitest';
import { ApiCallError, isRetryableStatus, parseRetryAfter } from './api-call-error.ts';
import { LlmError } from './llm-error.ts';
import { retryDelay } from '../retry.ts';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    [{ 'retry-after': '3' }, 3000],
    [{ 'Retry-After': '0.5' }, 500],
    [{ 'retry-after-ms': '250', 'retry-after': '9' }, 250],
    [{ 'retry-after': 'Thu, 01 Jan 2026 00:00:02 GMT' }, 2000],
    [{ 'retry-after': 'soon' }, undefined],
    [{}, undefined],
  ])('%j -> %s', (headers, ms) => {
    expect(parseRetryAfter(headers, now)).toBe(ms);
  });
});

describe('retry policy', () => {
  it.each([[429, true], [408, true], [500, true], [503, true], [400, false], [401, false], [404, false]])('status %i retryable: %s', (status, retryable) => {
    expect(isRetryableStatus(status)).toBe(retryable);
  });

  it('backs off exponentially, honours retry-after, and caps the delay', () => {
    const plain = new ApiCallError('x', { isRetryable: true });
    const told = new ApiCallError('x', { isRetryable: true, retryAfterMs: 7000 });
    expect([1, 2, 3, 4].map((n) => retryDelay(n, plain, { initialDelayMs: 100 }))).toEqual([100, 200, 400, 800]);
    expect(retryDelay(1, told, { initialDelayMs: 100 })).toBe(7000);
    expect(retryDelay(10, plain, { initialDelayMs: 1000, maxDelayMs: 5000 })).toBe(5000);
  });

  it('marks errors so isInstance works', () => {
    const error = new ApiCallError('x', { isRetryable: false, statusCode: 400 });
    expect([LlmError.isInstance(error), ApiCallError.isInstance(error), ApiCallError.isInstance(new LlmError('y'))]).toEqual([true, true, false]);
    expect(error.exitCode).toBe(2);
  });
});
