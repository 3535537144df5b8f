import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startLlmTestServer, type LlmTestServer } from '../../test/helpers/llm-test-server.ts';
import { createRoleModels, DEFAULT_LIMITS, NO_PROVIDER_MESSAGE } from './create-models.ts';
import { ApiCallError } from './errors/api-call-error.ts';
import { NoProviderError } from './errors/no-provider-error.ts';

const KEY = 'sk-testkey-0123456789abcdefghij';
let server: LlmTestServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const noOllama = async (): Promise<boolean> => false;
const fastRetry = { initialDelayMs: 1, sleep: async () => {} };
const messages = [
  { role: 'system' as const, content: 'You are the iac-generator agent of iacpac.' },
  { role: 'user' as const, content: 'Write an S3 bucket.' },
];

describe('createRoleModels against a chat-completions server', () => {
  it('sends the messages, returns text, usage, cost and latency', async () => {
    server = await startLlmTestServer([{ content: 'hello', promptTokens: 1000, completionTokens: 500 }]);
    const { roles } = await createRoleModels({ provider: 'openai', model: 'gpt-4o', baseUrl: server.openaiBaseUrl, cache: false }, {}, { OPENAI_API_KEY: KEY });
    const result = await roles['iac-generator'].model.generate({ messages, temperature: 0 });
    expect(result).toMatchObject({ text: 'hello', usage: { inputTokens: 1000, outputTokens: 500, totalTokens: 1500 }, finishReason: 'stop', cached: false, retries: 0 });
    expect(result.costUsd).toBe(0.0075); // 1000 * 2.5/1e6 + 500 * 10/1e6
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.path).toBe('/v1/chat/completions');
    expect(server.requests[0]!.body?.model).toBe('gpt-4o');
    expect(server.requests[0]!.messages).toEqual(messages);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('retries a 429 after its retry-after and counts it as a retry, not a failure', async () => {
    server = await startLlmTestServer([{ status: 429, headers: { 'retry-after': '0' } }, { content: 'ok' }]);
    const { roles } = await createRoleModels({ provider: 'openai', baseUrl: server.openaiBaseUrl, cache: false }, {}, { OPENAI_API_KEY: KEY }, { retry: fastRetry });
    const result = await roles.reviewer.model.generate({ messages });
    expect(result.text).toBe('ok');
    expect(result.retries).toBe(1);
    expect(server.requests).toHaveLength(2);
  });

  it.each([500, 502, 503])('retries HTTP %i', async (status) => {
    server = await startLlmTestServer([{ status }, { status }, { content: 'fine' }]);
    const { roles } = await createRoleModels({ provider: 'openai', baseUrl: server.openaiBaseUrl, cache: false }, {}, { OPENAI_API_KEY: KEY }, { retry: fastRetry });
    const result = await roles.reviewer.model.generate({ messages });
    expect([result.text, result.retries]).toEqual(['fine', 2]);
  });

  it('gives up after maxRetries with the last ApiCallError', async () => {
    server = await startLlmTestServer([{ status: 503 }]);
    const { roles } = await createRoleModels({ provider: 'openai', baseUrl: server.openaiBaseUrl, cache: false }, { retries: { maxRetries: 2 } }, { OPENAI_API_KEY: KEY }, { retry: fastRetry });
    const error = await roles.reviewer.model.generate({ messages }).catch((e: unknown) => e);
    expect(ApiCallError.isInstance(error) && [error.statusCode, error.isRetryable]).toEqual([503, true]);
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a 401, says to check the key, and never shows the key', async () => {
    server = await startLlmTestServer([{ status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}` } } }]);
    const { roles } = await createRoleModels({ provider: 'openai', baseUrl: server.openaiBaseUrl, cache: false }, {}, { OPENAI_API_KEY: KEY }, { retry: fastRetry });
    const error = (await roles.reviewer.model.generate({ messages }).catch((e: unknown) => e)) as ApiCallError;
    expect(ApiCallError.isInstance(error)).toBe(true);
    expect([error.statusCode, error.isRetryable]).toEqual([401, false]);
    expect(error.message).toContain('(check the API key)');
    expect(error.message).not.toContain(KEY);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a stalled server once, then stops with one line naming the bound', async () => {
    // Wide margins: the first reply comes after 3 s, 1 s of silence is allowed, the second reply is immediate.
    server = await startLlmTestServer([{ content: 'late', delayMs: 3000 }, { content: 'on time' }]);
    const { roles } = await createRoleModels({ provider: 'openai', baseUrl: server.openaiBaseUrl, cache: false }, { firstByteTimeoutMs: 1000 }, { OPENAI_API_KEY: KEY }, { retry: fastRetry });
    const result = await roles.reviewer.model.generate({ messages, timeoutMs: roles.reviewer.timeoutMs });
    expect([result.text, result.retries]).toEqual(['on time', 1]);
    await server.close();

    server = await startLlmTestServer([{ hang: true }]);
    const hung = await createRoleModels({ provider: 'openai', baseUrl: server.openaiBaseUrl, cache: false }, { firstByteTimeoutMs: 500 }, { OPENAI_API_KEY: KEY }, { retry: fastRetry });
    const error = (await hung.roles.reviewer.model.generate({ messages, timeoutMs: hung.roles.reviewer.timeoutMs }).catch((e: unknown) => e)) as ApiCallError;
    expect(error.message).toBe('openai model gpt-4o: no response within 0.5 s (llm.firstByteTimeoutMs in .iacpac.yaml raises it)');
    expect([error.isTimeout, server.requests.length]).toEqual([true, 2]);
  });

  it('drops a stream that stalls mid-reply', async () => {
    server = await startLlmTestServer([{ content: 'z'.repeat(3000), stallAfterBytes: 1500 }]);
    const { roles } = await createRoleModels({ provider: 'openai', baseUrl: server.openaiBaseUrl, cache: false }, { firstByteTimeoutMs: 500, retries: { maxTimeoutRetries: 0 } }, { OPENAI_API_KEY: KEY }, { retry: fastRetry });
    const error = (await roles.reviewer.model.generate({ messages }).catch((e: unknown) => e)) as ApiCallError;
    expect(error.message).toMatch(/^openai model gpt-4o: the reply stalled after 1\.5 KiB: nothing more within 0\.5 s \(llm\.firstByteTimeoutMs in \.iacpac\.yaml raises it\)$/);
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry a reply that streams but takes longer than llm.timeoutMs', async () => {
    // 40 events 100 ms apart: data keeps coming (no stall), the whole reply takes 4 s, the budget is 1 s.
    server = await startLlmTestServer([{ content: 'w'.repeat(4000), chunkChars: 100, eventDelayMs: 100 }]);
    const { roles } = await createRoleModels({ provider: 'openai', baseUrl: server.openaiBaseUrl, cache: false }, { timeoutMs: 1000 }, { OPENAI_API_KEY: KEY }, { retry: fastRetry });
    const error = (await roles.reviewer.model.generate({ messages, timeoutMs: roles.reviewer.timeoutMs }).catch((e: unknown) => e)) as ApiCallError;
    expect(error.message).toBe('openai model gpt-4o: no complete reply within 1 s (llm.timeoutMs in .iacpac.yaml raises it)');
    expect([error.isRetryable, server.requests.length]).toEqual([false, 1]);
  });

  it('has interactive defaults: 2 minutes per reply, 30 s of silence, 1 MiB of text', async () => {
    const { roles } = await createRoleModels({ provider: 'openai', cache: false }, {}, { OPENAI_API_KEY: KEY });
    expect(roles.reviewer.timeoutMs).toBe(120_000);
    expect(DEFAULT_LIMITS).toEqual({ firstByteTimeoutMs: 30_000, maxReplyBytes: 1_048_576 });
  });

  it('serves a repeated request from the on-disk cache', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'iacpac-cache-'));
    dirs.push(cacheDir);
    server = await startLlmTestServer([{ content: 'first' }, { content: 'second' }]);
    const { roles } = await createRoleModels({ provider: 'openai', baseUrl: server.openaiBaseUrl }, { cache: { dir: cacheDir } }, { OPENAI_API_KEY: KEY });
    const a = await roles.reviewer.model.generate({ messages, temperature: 0 });
    const b = await roles.reviewer.model.generate({ messages, temperature: 0 });
    const c = await roles.reviewer.model.generate({ messages, temperature: 0.5 });
    expect([a.text, a.cached, b.text, b.cached, b.costUsd, c.text, c.cached]).toEqual(['first', false, 'first', true, 0, 'second', false]);
    expect(server.requests).toHaveLength(2);
    expect(readdirSync(join(cacheDir, 'llm')).length).toBeGreaterThan(0);
  });

  it('never stores the API key in the cache, even when the server echoes it', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'iacpac-cache-'));
    dirs.push(cacheDir);
    server = await startLlmTestServer([{ content: `your key is ${KEY}` }]);
    const { roles } = await createRoleModels({ provider: 'openai', baseUrl: server.openaiBaseUrl, cacheDir }, {}, { OPENAI_API_KEY: KEY });
    await roles.reviewer.model.generate({ messages });
    const stored = readdirSync(join(cacheDir, 'llm'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(stored).toHaveLength(1);
    const text = readFileSync(join(stored[0]!.parentPath, stored[0]!.name), 'utf8');
    expect(text).toContain('your key is [REDACTED]');
    expect(text).not.toContain(KEY);
    const again = await roles.reviewer.model.generate({ messages });
    expect([again.cached, again.text]).toEqual([true, 'your key is [REDACTED]']);
  });

  it('talks to Ollama at OLLAMA_HOST/v1 without a key', async () => {
    server = await startLlmTestServer([{ content: 'from ollama' }]);
    const { roles } = await createRoleModels({ cache: false }, {}, { OLLAMA_HOST: server.url });
    expect([roles['pac-generator'].model.provider, roles['pac-generator'].model.modelId]).toEqual(['ollama', 'llama3.1']);
    const result = await roles['pac-generator'].model.generate({ messages });
    expect([result.text, result.costUsd]).toEqual(['from ollama', 0]);
    expect(server.requests[0]!.path).toBe('/v1/chat/completions');
  });
});

describe('provider resolution', () => {
  it('fails with one line saying how to configure a provider', async () => {
    const error = await createRoleModels({}, {}, {}, { probeOllama: noOllama }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoProviderError);
    expect((error as Error).message).toBe(NO_PROVIDER_MESSAGE);
    expect((error as Error).message).not.toContain('\n');
  });

  it('uses a reachable local Ollama when nothing else is configured', async () => {
    const { roles } = await createRoleModels({ cache: false }, {}, {}, { probeOllama: async () => true });
    expect(roles['iac-generator'].model.provider).toBe('ollama');
  });

  it('applies flags over the config file over the environment, per role', async () => {
    const env = { OPENAI_API_KEY: KEY, ANTHROPIC_API_KEY: 'sk-ant-abcdefghijklmnopqrstuv' };
    const config = { provider: 'anthropic' as const, model: 'claude-sonnet-4-5', roles: { reviewer: { provider: 'openai' as const, model: 'gpt-4o-mini' } } };
    const fromConfig = await createRoleModels({ cache: false }, config, env);
    expect(Object.values(fromConfig.roles).map((r) => `${r.model.provider}/${r.model.modelId}`)).toEqual([
      'anthropic/claude-sonnet-4-5',
      'anthropic/claude-sonnet-4-5',
      'openai/gpt-4o-mini',
    ]);
    const fromFlags = await createRoleModels({ provider: 'openai', model: 'gpt-4.1', cache: false }, config, env);
    expect(Object.values(fromFlags.roles).map((r) => `${r.model.provider}/${r.model.modelId}`)).toEqual(['openai/gpt-4.1', 'openai/gpt-4.1', 'openai/gpt-4.1']);
    const fromEnv = await createRoleModels({ cache: false }, {}, env);
    expect(fromEnv.roles.reviewer.model.provider).toBe('openai');
    expect(fromEnv.secrets).toContain(KEY);
  });

  it.each([
    [{ provider: 'openai' as const }, {}, 'openai: no API key: set OPENAI_API_KEY (or apiKey in .iacpac.yaml)'],
    [{ provider: 'azure' as const }, { AZURE_OPENAI_API_KEY: 'k1234567' }, 'azure: no endpoint: set AZURE_OPENAI_ENDPOINT or AZURE_OPENAI_RESOURCE_NAME (or --base-url)'],
    [{ provider: 'openai-compatible' as const }, {}, 'openai-compatible: no endpoint: pass --base-url <url> (e.g. http://localhost:8000/v1)'],
  ])('names the missing setting for %o', async (flags, env, message) => {
    await expect(createRoleModels({ ...flags, cache: false }, {}, env, { probeOllama: noOllama })).rejects.toThrow(message);
  });
});
