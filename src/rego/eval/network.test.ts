import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegoEngine } from '../index.ts';

// A local HTTP server in its own process (evaluation is synchronous, so it cannot share this event loop).
const SERVER = `
require('node:http').createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ method: req.method, path: req.url, got: body ? JSON.parse(body) : null }));
  });
}).listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n'); });
`;

let server: ChildProcess;
let port = 0;
beforeAll(async () => {
  server = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  port = await new Promise<number>((resolve) => server.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
});
afterAll(() => {
  server.kill();
});

function query(allowNetwork: boolean, q: string): unknown {
  const e = new RegoEngine({ allowNetwork });
  return e.prepare(q).eval()[0]?.expressions[0]?.value;
}

describe('network builtins', () => {
  it('http.send is disabled by default with a clear error', () => {
    expect(() => query(false, `http.send({"method": "get", "url": "http://127.0.0.1:${port}/x"})`)).toThrow(
      'eval_builtin_error: http.send: network access is disabled (enable it with allowNetwork)',
    );
  });

  it('http.send sends a request and decodes the JSON response when enabled', () => {
    const r = query(true, `http.send({"method": "post", "url": "http://127.0.0.1:${port}/p?q=1", "body": {"a": 1}})`) as Record<string, unknown>;
    expect(r.status_code).toBe(200);
    expect(r.body).toEqual({ method: 'POST', path: '/p?q=1', got: { a: 1 } });
  });

  it('http.send reports a connection error as a response when raise_error is false', () => {
    const r = query(true, 'http.send({"method": "get", "url": "http://127.0.0.1:1/", "raise_error": false, "timeout": "2s"})') as Record<string, unknown>;
    expect(r.status_code).toBe(0);
    expect((r.error as Record<string, unknown>).code).toBe('eval_http_send_network_error');
  });

  it('http.send rejects unknown and missing request keys before sending', () => {
    expect(() => query(true, `http.send({"bad_key": 1, "method": "get", "url": "http://127.0.0.1:${port}/"})`)).toThrow(
      'eval_type_error: http.send: invalid request parameters(s): {"bad_key"}',
    );
    expect(() => query(true, 'http.send({"method": "get"})')).toThrow('eval_type_error: http.send: missing required request parameters(s): {"url"}');
  });

  it('net.lookup_ip_addr resolves localhost when enabled', () => {
    expect(query(true, 'net.lookup_ip_addr("localhost")')).toContain('127.0.0.1');
  });
});
