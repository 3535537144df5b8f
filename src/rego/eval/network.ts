/**
 * The network builtins, `http.send` and `net.lookup_ip_addr`. They run only when the engine is created with
 * `allowNetwork: true`; evaluation is synchronous, so the request runs in a child Node process (spawnSync) with a
 * time limit. Responses follow OPA's shape: `{status, status_code, headers, body, raw_body}`.
 */
import { spawnSync } from 'node:child_process';
import { BuiltinError } from '../builtins/define-builtin.ts';
import { fromJS, toJS, type RegoValue } from '../value.ts';

/** Request keys OPA's http.send accepts. */
const HTTP_KEYS = new Set([
  'method', 'url', 'body', 'raw_body', 'headers', 'enable_redirect', 'force_json_decode', 'force_yaml_decode', 'timeout',
  'raise_error', 'cache', 'force_cache', 'force_cache_duration_seconds', 'caching_mode', 'max_retry_attempts',
  'cache_ignored_headers', 'tls_use_system_certs', 'tls_ca_cert', 'tls_ca_cert_file', 'tls_ca_cert_env_variable',
  'tls_client_cert', 'tls_client_cert_file', 'tls_client_cert_env_variable', 'tls_client_key', 'tls_client_key_file',
  'tls_client_key_env_variable', 'tls_insecure_skip_verify', 'tls_server_name',
]);

const setText = (keys: string[]): string => `{${keys.sort().map((k) => JSON.stringify(k)).join(', ')}}`;

const HTTP_SCRIPT = `
const req = JSON.parse(process.argv[1]);
const ctl = new AbortController();
setTimeout(() => ctl.abort(), req.timeoutMs);
fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: ctl.signal, redirect: req.redirect })
  .then(async (res) => {
    const headers = {};
    res.headers.forEach((v, k) => { (headers[k] ??= []).push(v); });
    const raw = await res.text();
    process.stdout.write(JSON.stringify({ status: res.status + ' ' + res.statusText, status_code: res.status, headers, raw_body: raw }));
  })
  .catch((e) => { process.stdout.write(JSON.stringify({ error: String(e && e.message || e) })); });
`;

const DNS_SCRIPT = `
require('node:dns').lookup(process.argv[1], { all: true }, (err, addrs) => {
  process.stdout.write(JSON.stringify(err ? { error: err.message } : { addrs: addrs.map((a) => a.address) }));
});
`;

function runChild(script: string, arg: string, timeoutMs: number): Record<string, unknown> {
  const r = spawnSync(process.execPath, ['-e', script, arg], { encoding: 'utf8', timeout: timeoutMs + 1000 });
  if (r.error || r.status !== 0) return { error: r.error?.message ?? (r.stderr || 'request failed') };
  try {
    return JSON.parse(r.stdout) as Record<string, unknown>;
  } catch {
    return { error: 'request failed' };
  }
}

function durationMs(v: unknown): number {
  if (typeof v === 'number') return v / 1e6;
  if (typeof v === 'string') {
    const m = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(v);
    if (m) return Number(m[1]) * (m[2] === 'ms' ? 1 : m[2] === 's' ? 1000 : 60_000);
  }
  return 5000;
}

/** http.send(request): the response object, or throws Error(message) when raise_error is true (the default). */
export function httpSend(request: RegoValue): RegoValue {
  const req = toJS(request) as Record<string, unknown>;
  if (req === null || typeof req !== 'object' || Array.isArray(req)) throw new BuiltinError('http.send: operand 1 must be object', 'eval_type_error');
  const invalid = Object.keys(req).filter((k) => !HTTP_KEYS.has(k));
  if (invalid.length) throw new BuiltinError(`http.send: invalid request parameters(s): ${setText(invalid)}`, 'eval_type_error');
  const missing = ['method', 'url'].filter((k) => req[k] === undefined);
  if (missing.length) throw new BuiltinError(`http.send: missing required request parameters(s): ${setText(missing)}`, 'eval_type_error');
  const url = req.url;
  const method = typeof req.method === 'string' ? req.method.toUpperCase() : '';
  if (typeof url !== 'string' || !method) throw new BuiltinError('http.send: method and url must be strings', 'eval_type_error');
  const headers = (req.headers ?? {}) as Record<string, string>;
  let body: string | undefined;
  if (req.raw_body !== undefined) body = String(req.raw_body);
  else if (req.body !== undefined) {
    body = JSON.stringify(req.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  }
  const timeoutMs = durationMs(req.timeout);
  const res = runChild(
    HTTP_SCRIPT,
    JSON.stringify({ url, method, headers, body, timeoutMs, redirect: req.enable_redirect === false ? 'manual' : 'follow' }),
    timeoutMs,
  );
  if (res.error !== undefined) {
    if (req.raise_error !== false) throw new Error(`http.send: ${String(res.error)}`);
    return fromJS({ status_code: 0, error: { code: 'eval_http_send_network_error', message: String(res.error) } });
  }
  const out: Record<string, unknown> = { ...res };
  const raw = String(res.raw_body ?? '');
  try {
    out.body = raw ? JSON.parse(raw) : null;
  } catch {
    out.body = null;
  }
  return fromJS(out);
}

/** net.lookup_ip_addr(name): the set of addresses. */
export function lookupIpAddr(name: RegoValue): RegoValue {
  if (typeof name !== 'string') throw new Error('net.lookup_ip_addr: operand 1 must be string');
  const res = runChild(DNS_SCRIPT, name, 5000);
  if (res.error !== undefined) throw new Error(`net.lookup_ip_addr: ${String(res.error)}`);
  return fromJS(new Set(res.addrs as string[]));
}

