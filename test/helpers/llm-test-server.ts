/**
 * A real HTTP server on 127.0.0.1 for tests, speaking the OpenAI chat-completions wire protocol
 * (`POST /v1/chat/completions`, also what Ollama serves at `$OLLAMA_HOST/v1`) and Ollama's native API
 * (`POST /api/chat`, `GET /api/tags`). It serves scripted replies and records every request, so tests drive the real
 * CLI and the real AI SDK providers without the network.
 *
 *   const server = await startLlmTestServer(byRole({ 'iac-generator': [{ content: '```hcl file=main.tf\n...```' }] }));
 *   // --provider openai --base-url ${server.openaiBaseUrl}   (OPENAI_API_KEY=anything)
 *   // OLLAMA_HOST=${server.url}                              (--provider ollama)
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { iacpac, type CliRun } from './cli.ts';

export interface RecordedMessage {
  role: string;
  content: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body (undefined when not JSON). */
  body: { model?: string; messages?: RecordedMessage[]; [key: string]: unknown } | undefined;
  messages: RecordedMessage[];
  /** All message contents joined with blank lines (for `toContain` assertions). */
  text: string;
}

export type ScriptedReply =
  | ({ content: string; promptTokens?: number; completionTokens?: number; finishReason?: string; delayMs?: number } & BodyFault)
  | { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number }
  /** A 200 response with this exact body (e.g. malformed JSON). */
  | { raw: string; delayMs?: number }
  /** Accept the request and never answer (no headers, no body) until the server closes. */
  | { hang: true };

/**
 * Faults while sending a reply body (streamed as server-sent events when the request asks for `stream: true`, as the
 * providers do; otherwise one JSON body with its full `content-length`).
 */
export interface BodyFault {
  /** Close the connection after this many body bytes (a reply cut mid-stream). */
  cutAfterBytes?: number;
  /** Stop sending after this many body bytes and keep the connection open (a stalled stream). */
  stallAfterBytes?: number;
  /** Text per streamed event (default 64 characters). */
  chunkChars?: number;
  /** Pause between streamed events (a slow model that keeps sending). */
  eventDelayMs?: number;
}

export type Responder = (request: RecordedRequest, index: number) => ScriptedReply;

export interface LlmTestServer {
  /** `http://127.0.0.1:<port>` (use as OLLAMA_HOST). */
  url: string;
  /** `http://127.0.0.1:<port>/v1` (use as the OpenAI base URL). */
  openaiBaseUrl: string;
  /** Chat requests received (chat-completions and /api/chat), in order. */
  requests: RecordedRequest[];
  /** Inputs of every `POST /v1/embeddings` request, in order. */
  embeddingRequests: string[][];
  close(): Promise<void>;
}

export interface LlmTestServerOptions {
  /** Serves `POST /v1/embeddings` with this function's vectors (404 when absent). */
  embed?: (text: string) => number[];
}

/** Serves `replies` in order (the last one repeats), or asks `responder` for each chat request. */
export async function startLlmTestServer(script: Responder | ScriptedReply[], options: LlmTestServerOptions = {}): Promise<LlmTestServer> {
  const responder: Responder = Array.isArray(script) ? sequence(script) : script;
  const requests: RecordedRequest[] = [];
  const embeddingRequests: string[][] = [];
  const server = createServer((req, res) => {
    void handle(req, res, responder, requests, options, embeddingRequests).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openaiBaseUrl: `${url}/v1`,
    requests,
    embeddingRequests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Replies in order; the last reply repeats once the list is used up. */
export function sequence(replies: ScriptedReply[]): Responder {
  if (replies.length === 0) throw new Error('sequence() needs at least one reply');
  return (_request, index) => replies[Math.min(index, replies.length - 1)]!;
}

/** The agent role a request comes from, read from its system message (`... the <role> agent of iacpac ...`). */
export function roleOf(request: RecordedRequest): string | undefined {
  const system = request.messages.find((m) => m.role === 'system')?.content ?? '';
  return /\b(iac-generator|pac-generator|reviewer)\b/.exec(system)?.[1];
}

/** One reply queue per agent role; each role's last reply repeats once its queue is used up. */
export function byRole(queues: Record<string, ScriptedReply[]>): Responder {
  const used = new Map<string, number>();
  return (request) => {
    const role = roleOf(request) ?? 'unknown';
    const queue = queues[role];
    if (!queue || queue.length === 0) return { status: 400, body: { error: { message: `test server: no script for role ${role}` } } };
    const index = used.get(role) ?? 0;
    used.set(role, index + 1);
    return queue[Math.min(index, queue.length - 1)]!;
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  responder: Responder,
  requests: RecordedRequest[],
  options: LlmTestServerOptions,
  embeddingRequests: string[][],
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  let body: RecordedRequest['body'];
  try {
    body = raw ? (JSON.parse(raw) as RecordedRequest['body']) : undefined;
  } catch {
    body = undefined;
  }
  const path = (req.url ?? '/').split('?')[0]!;
  if (req.method === 'GET' && path === '/api/tags') return json(res, 200, { models: [{ name: 'llama3.1:latest', model: 'llama3.1:latest' }] });
  if (req.method === 'GET' && path === '/v1/models') return json(res, 200, { object: 'list', data: [{ id: 'test-model', object: 'model' }] });
  if (req.method === 'POST' && /\/embeddings$/.test(path) && options.embed) {
    const input = (body as { input?: unknown } | undefined)?.input;
    const values = Array.isArray(input) ? input.map(String) : [String(input ?? '')];
    embeddingRequests.push(values);
    const tokens = values.reduce((n, v) => n + Math.ceil(v.length / 4), 0);
    return json(res, 200, {
      object: 'list',
      data: values.map((v, index) => ({ object: 'embedding', index, embedding: options.embed!(v) })),
      model: body?.model ?? 'test-embedding',
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  }
  const isOpenAi = req.method === 'POST' && /\/chat\/completions$/.test(path);
  const isOllama = req.method === 'POST' && path === '/api/chat';
  const isAnthropic = req.method === 'POST' && /\/messages$/.test(path);
  if (!isOpenAi && !isOllama && !isAnthropic) return json(res, 404, { error: { message: `test server: no route ${req.method} ${path}` } });
  const system = (body as { system?: unknown } | undefined)?.system;
  const messages = [
    // Anthropic sends the system prompt beside the messages.
    ...(system !== undefined ? [{ role: 'system', content: contentText(system) }] : []),
    ...(body?.messages ?? []).map((m) => ({ role: String(m.role), content: contentText(m.content) })),
  ];
  const request: RecordedRequest = { method: req.method ?? '', path, headers: req.headers, body, messages, text: messages.map((m) => m.content).join('\n\n') };
  const index = requests.length;
  requests.push(request);
  const reply = responder(request, index);
  if ('hang' in reply) return;
  if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
  if ('status' in reply) return json(res, reply.status, reply.body ?? { error: { message: `scripted status ${reply.status}` } }, reply.headers);
  if ('raw' in reply) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(reply.raw);
    return;
  }
  const promptTokens = reply.promptTokens ?? Math.ceil(request.text.length / 4);
  const completionTokens = reply.completionTokens ?? Math.ceil(reply.content.length / 4);
  const model = body?.model ?? 'test-model';
  const finishReason = reply.finishReason ?? 'stop';
  if (body?.stream === true && (isOpenAi || isAnthropic)) {
    const events = isAnthropic ? anthropicEvents(reply.content, model, index, finishReason, promptTokens, completionTokens, reply.chunkChars) : openAiEvents(reply.content, model, index, finishReason, promptTokens, completionTokens, reply.chunkChars);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    if (reply.eventDelayMs) {
      for (const event of events) {
        if (res.destroyed) return;
        res.write(event);
        await new Promise((resolve) => setTimeout(resolve, reply.eventDelayMs));
      }
      res.end();
      return;
    }
    return sendBody(res, Buffer.from(events.join('')), reply, false);
  }
  let value: unknown;
  if (isAnthropic) {
    value = {
      id: `msg_test_${index}`,
      type: 'message',
      role: 'assistant',
      model,
      content: [{ type: 'text', text: reply.content }],
      stop_reason: finishReason === 'length' ? 'max_tokens' : 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: promptTokens, output_tokens: completionTokens },
    };
  } else if (isOllama) {
    value = {
      model,
      created_at: new Date(0).toISOString(),
      message: { role: 'assistant', content: reply.content },
      done: true,
      done_reason: finishReason,
      prompt_eval_count: promptTokens,
      eval_count: completionTokens,
    };
  } else {
    value = {
      id: `chatcmpl-test-${index}`,
      object: 'chat.completion',
      created: 1_700_000_000,
      model,
      choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: finishReason }],
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    };
  }
  const bytes = Buffer.from(JSON.stringify(value));
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(bytes.length) });
  return sendBody(res, bytes, reply, true);
}

/** Writes a reply body, applying its scripted fault (cut or stall after some bytes). */
async function sendBody(res: ServerResponse, bytes: Buffer, fault: BodyFault, whole: boolean): Promise<void> {
  const limit = fault.cutAfterBytes ?? fault.stallAfterBytes;
  if (limit === undefined) {
    if (whole) res.end(bytes);
    else {
      // Several writes, so the client sees a stream of events rather than one buffer.
      for (let offset = 0; offset < bytes.length; offset += 4096) res.write(bytes.subarray(offset, offset + 4096));
      res.end();
    }
    return;
  }
  res.write(bytes.subarray(0, limit));
  if (fault.cutAfterBytes !== undefined) {
    // Let the partial body reach the client, then drop the connection without finishing the response.
    await new Promise((resolve) => setTimeout(resolve, 50));
    res.socket?.destroy();
  }
  // A stall: nothing more is written; the client's own timeout (or the server's close) ends it.
}

function chunksOf(text: string, size = 64): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

const sse = (data: unknown, event?: string): string => `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

/** OpenAI chat-completions streaming: role delta, content deltas, finish reason, usage chunk, [DONE]. */
function openAiEvents(content: string, model: string, index: number, finishReason: string, promptTokens: number, completionTokens: number, chunkChars?: number): string[] {
  const base = { id: `chatcmpl-test-${index}`, object: 'chat.completion.chunk', created: 1_700_000_000, model };
  return [
    sse({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] }),
    ...chunksOf(content, chunkChars).map((text) => sse({ ...base, choices: [{ index: 0, delta: { content: text }, finish_reason: null }] })),
    sse({ ...base, choices: [{ index: 0, delta: {}, finish_reason: finishReason }] }),
    sse({ ...base, choices: [], usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens } }),
    sse('[DONE]'),
  ];
}

/** Anthropic messages streaming: message_start, one text block of deltas, message_delta with the stop reason, message_stop. */
function anthropicEvents(content: string, model: string, index: number, finishReason: string, promptTokens: number, completionTokens: number, chunkChars?: number): string[] {
  return [
    sse({ type: 'message_start', message: { id: `msg_test_${index}`, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: promptTokens, output_tokens: 1 } } }, 'message_start'),
    sse({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, 'content_block_start'),
    ...chunksOf(content, chunkChars).map((text) => sse({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }, 'content_block_delta')),
    sse({ type: 'content_block_stop', index: 0 }, 'content_block_stop'),
    sse({ type: 'message_delta', delta: { stop_reason: finishReason === 'length' ? 'max_tokens' : 'end_turn', stop_sequence: null }, usage: { output_tokens: completionTokens } }, 'message_delta'),
    sse({ type: 'message_stop' }, 'message_stop'),
  ];
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (typeof part === 'object' && part && 'text' in part ? String(part.text) : '')).join('');
  return '';
}

function json(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
}

export type { CliRun };

/**
 * Runs the real CLI (`node --import tsx src/cli/bin.ts ...`) in `cwd` with exactly `env` (plus PATH/HOME), so no
 * key or host from the developer's environment leaks into a test. Bounded by `timeoutMs`.
 */
export async function runCli(args: string[], options: { cwd: string; env?: Record<string, string>; timeoutMs?: number; input?: string }): Promise<CliRun> {
  const env = { PATH: process.env.PATH ?? '', HOME: options.cwd, NO_COLOR: '1', ...(options.env ?? {}) };
  return iacpac(args, { cwd: options.cwd, env, ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}), ...(options.input !== undefined ? { input: options.input } : {}) });
}
