/**
 * Every provider, against a real HTTP server on 127.0.0.1 speaking its wire protocol (OpenAI chat completions,
 * Azure OpenAI, Anthropic messages): success with usage and cost, a retried 5xx, a non-retryable error, a timeout,
 * and a malformed response body.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startLlmTestServer, type LlmTestServer, type ScriptedReply } from '../../../test/helpers/llm-test-server.ts';
import { createRoleModels } from '../create-models.ts';
import type { LlmConfig } from '../config.ts';
import { ApiCallError } from '../errors/api-call-error.ts';
import { ReplyTooLargeError } from '../errors/reply-too-large-error.ts';
import { LlmError } from '../errors/llm-error.ts';
import { PROVIDERS } from './index.ts';
import type { ProviderName } from './provider-definition.ts';

let server: LlmTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const KEY = 'sk-test-provider-0123456789abcdef';
const messages = [
  { role: 'system' as const, content: 'You are the reviewer agent of iacpac.' },
  { role: 'user' as const, content: 'Say ok.' },
];

interface Case {
  provider: ProviderName;
  model: string;
  env: (server: LlmTestServer) => Record<string, string>;
  baseUrl?: (server: LlmTestServer) => string;
  path: RegExp;
  cost: number;
}

const CASES: Case[] = [
  { provider: 'openai', model: 'gpt-4o', env: () => ({ OPENAI_API_KEY: KEY }), baseUrl: (s) => s.openaiBaseUrl, path: /^\/v1\/chat\/completions$/, cost: 0.0035 },
  { provider: 'azure', model: 'my-gpt4o-deployment', env: (s) => ({ AZURE_OPENAI_API_KEY: KEY, AZURE_OPENAI_ENDPOINT: s.url }), path: /^\/openai\/chat\/completions$/, cost: 0 }, // a non-Azure host: the SDK calls {endpoint}/openai{path}
  { provider: 'anthropic', model: 'claude-sonnet-4-5', env: () => ({ ANTHROPIC_API_KEY: KEY }), baseUrl: (s) => `${s.url}/v1`, path: /^\/v1\/messages$/, cost: 0.0045 },
  { provider: 'ollama', model: 'llama3.1', env: (s) => ({ OLLAMA_HOST: s.url }), path: /^\/v1\/chat\/completions$/, cost: 0 },
  { provider: 'openai-compatible', model: 'qwen2.5-coder', env: () => ({ OPENAI_COMPATIBLE_API_KEY: KEY }), baseUrl: (s) => s.openaiBaseUrl, path: /^\/v1\/chat\/completions$/, cost: 0 },
];

async function model(c: Case, replies: ScriptedReply[], config: LlmConfig = {}) {
  server = await startLlmTestServer(replies);
  const { roles } = await createRoleModels(
    { provider: c.provider, model: c.model, cache: false, ...(c.baseUrl ? { baseUrl: c.baseUrl(server) } : {}) },
    config,
    c.env(server),
    { retry: { initialDelayMs: 1, sleep: async () => {} } },
  );
  return roles.reviewer;
}

describe.each(CASES)('provider $provider', (c) => {
  it('returns text, usage and cost, and sends the messages to the right endpoint', async () => {
    const role = await model(c, [{ content: 'ok', promptTokens: 1000, completionTokens: 100 }]);
    const result = await role.model.generate({ messages, ...role.sampling });
    expect(result).toMatchObject({ text: 'ok', usage: { inputTokens: 1000, outputTokens: 100, totalTokens: 1100 }, finishReason: 'stop', cached: false, retries: 0, costUsd: c.cost });
    expect([role.model.provider, role.model.modelId]).toEqual([c.provider, c.model]);
    const request = server!.requests[0]!;
    expect(request.path).toMatch(c.path);
    expect(request.messages).toEqual(messages);
    const auth = `${request.headers.authorization ?? ''}${request.headers['api-key'] ?? ''}${request.headers['x-api-key'] ?? ''}`;
    expect(auth.includes(KEY)).toBe(c.provider !== 'ollama');
  });

  it('retries a 503 and reports it as a retry', async () => {
    const role = await model(c, [{ status: 503 }, { content: 'ok' }]);
    const result = await role.model.generate({ messages });
    expect([result.text, result.retries]).toEqual(['ok', 1]);
  });

  it('fails at once on a 400 with an ApiCallError that is not retryable', async () => {
    const role = await model(c, [{ status: 400, body: { error: { message: 'bad request', type: 'invalid_request_error' } } }]);
    const error = await role.model.generate({ messages }).catch((e: unknown) => e);
    expect(ApiCallError.isInstance(error) && [error.statusCode, error.isRetryable]).toEqual([400, false]);
    expect(server!.requests).toHaveLength(1);
  });

  it('retries a server that sends nothing in time, once', async () => {
    // Wide margins for a loaded machine: 3 s late reply, 1 s without a byte allowed, immediate second reply.
    const role = await model(c, [{ content: 'slow', delayMs: 3000 }, { content: 'ok' }], { firstByteTimeoutMs: 1000 });
    const result = await role.model.generate({ messages, timeoutMs: role.timeoutMs });
    expect([result.text, result.retries]).toEqual(['ok', 1]);
  });

  it('retries a reply whose connection closed mid-stream', async () => {
    const role = await model(c, [{ content: 'x'.repeat(2000), cutAfterBytes: 900 }, { content: 'complete' }]);
    const result = await role.model.generate({ messages, timeoutMs: role.timeoutMs });
    expect([result.text, result.retries]).toEqual(['complete', 1]);
  });

  it('refuses a reply over llm.maxReplyBytes while it streams, without retrying', async () => {
    const role = await model(c, [{ content: 'y'.repeat(50_000), chunkChars: 1000 }], { maxReplyBytes: 10_000 });
    const error = await role.model.generate({ messages, timeoutMs: role.timeoutMs }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReplyTooLargeError);
    expect((error as Error).message).toBe(`${c.provider} model ${c.model}: the reply exceeded 9.8 KiB (raise llm.maxReplyBytes in .iacpac.yaml)`);
    expect(server!.requests).toHaveLength(1);
  });

  it('turns a malformed response body into an LlmError, not a crash', async () => {
    const role = await model(c, [{ raw: '{"choices": [' }]);
    const error = await role.model.generate({ messages }).catch((e: unknown) => e);
    expect(LlmError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(`${c.provider} model ${c.model}`);
    expect((error as Error).message).not.toContain(KEY);
  });
});

describe('provider registry', () => {
  it('tests every registered provider', () => {
    expect(CASES.map((c) => c.provider).sort()).toEqual(Object.keys(PROVIDERS).sort());
  });
});
