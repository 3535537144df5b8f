/** OPA category `providers.aws`: providers.aws.sign_req, AWS Signature Version 4 (header-based) request signing. */
import { createHash, createHmac } from 'node:crypto';
import { defineCategory } from './builtin.ts';
import { formatTime, toCivil } from './go-time.ts';
import { marshalJson } from './json-text.ts';
import { numberOperand, objectOperand, operandError } from './operands.ts';
import { regoText } from './value-text.ts';
import { RegoObject, RegoSet, toBigInt, type RegoValue } from '../value.ts';

const builtin = defineCategory('providers.aws');

const REQUIRED_CONFIG = ['aws_access_key', 'aws_region', 'aws_secret_access_key', 'aws_service'];
/** Keys http.send accepts in a request object (sign_req validates requests the same way). */
const REQUEST_KEYS = new Set([
  'method', 'url', 'body', 'enable_redirect', 'force_json_decode', 'force_yaml_decode', 'headers', 'raw_body',
  'tls_use_system_certs', 'tls_ca_cert', 'tls_ca_cert_file', 'tls_ca_cert_env_variable', 'tls_client_cert',
  'tls_client_cert_file', 'tls_client_cert_env_variable', 'tls_client_key', 'tls_client_key_file',
  'tls_client_key_env_variable', 'tls_insecure_skip_verify', 'tls_server_name', 'timeout', 'cache', 'force_cache',
  'force_cache_duration_seconds', 'raise_error', 'caching_mode', 'max_retry_attempts', 'cache_ignored_headers',
]);
/** Headers a proxy may change: never signed. */
const IGNORED_HEADERS = new Set(['authorization', 'user-agent', 'x-amzn-trace-id']);

const setText = (names: string[]): string => regoText(new RegoSet(names));
const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/** Go's url.Parse split: host (with port), escaped path, raw query. */
function splitUrl(url: string): { host: string; path: string; query: string } {
  const m = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?/.exec(url);
  if (!m) return { host: '', path: url.split(/[?#]/)[0]!, query: url.includes('?') ? url.split('?')[1]!.split('#')[0]! : '' };
  const host = m[1]!.includes('@') ? m[1]!.slice(m[1]!.lastIndexOf('@') + 1) : m[1]!;
  return { host, path: m[2]!, query: m[3] ?? '' };
}

export const providersAwsBuiltins = [
  builtin(
    'providers.aws.sign_req',
    ([r, c, t]) => {
      const request = objectOperand(r, 1);
      const config = objectOperand(c, 1);
      const missing = REQUIRED_CONFIG.filter((k) => !config.has(k));
      if (missing.length) throw operandError(2, `missing required AWS config parameters(s): ${setText(missing)}`);
      const invalid = REQUIRED_CONFIG.filter((k) => typeof config.get(k) !== 'string');
      if (invalid.length) throw operandError(2, `invalid values for required AWS config parameters(s): ${setText(invalid)}`);
      const timestamp = toBigInt(numberOperand(t, 1));
      if (timestamp === undefined || timestamp < -(2n ** 63n) || timestamp >= 2n ** 63n) {
        throw operandError(3, 'could not convert time_ns value into a unix timestamp');
      }
      const unknown = [...request.keys()].filter((k) => typeof k !== 'string' || !REQUEST_KEYS.has(k)).map(String);
      if (unknown.length) throw operandError(1, `invalid request parameters(s): ${setText(unknown)}`);
      const required = ['method', 'url'].filter((k) => !request.has(k));
      if (required.length) throw operandError(1, `missing required request parameters(s): ${setText(required)}`);
      const headersValue = request.get('headers');
      if (headersValue !== undefined && !(headersValue instanceof RegoObject)) throw operandError(0, 'must be object');
      const wrongTypes = ['method', 'url'].filter((k) => typeof request.get(k) !== 'string');
      if (wrongTypes.length) throw operandError(1, `invalid values for required request parameters(s): ${setText(wrongTypes)}`);
      const method = request.get('method') as string;
      const url = splitUrl(request.get('url') as string);
      const rawBody = request.get('raw_body');
      const body = request.get('body');
      const payload = rawBody !== undefined ? (typeof rawBody === 'string' ? rawBody : '') : body !== undefined ? marshalJson(body) : '';
      const disable = config.get('disable_payload_signing');
      if (disable !== undefined && typeof disable !== 'boolean') throw operandError(2, "invalid value for 'disable_payload_signing' in AWS config");

      const service = config.get('aws_service') as string;
      const region = config.get('aws_region') as string;
      const accessKey = config.get('aws_access_key') as string;
      const secretKey = config.get('aws_secret_access_key') as string;
      const sessionToken = config.get('aws_session_token');
      const civil = toCivil(timestamp);
      const date = formatTime(civil, '20060102');
      const stamp = formatTime(civil, '20060102T150405Z');
      const payloadHash = disable === true ? 'UNSIGNED-PAYLOAD' : sha256Hex(Buffer.from(payload, 'utf8'));

      const awsHeaders = new Map<string, string>([
        ['host', url.host],
        ['x-amz-date', stamp],
      ]);
      if (service === 's3' || service === 'glacier') awsHeaders.set('x-amz-content-sha256', payloadHash);
      if (typeof sessionToken === 'string' && sessionToken !== '') awsHeaders.set('x-amz-security-token', sessionToken);

      const original = new Map<string, string>();
      if (headersValue instanceof RegoObject) {
        for (const [k, v] of headersValue) original.set(typeof k === 'string' ? k : '', typeof v === 'string' ? v : '');
      }
      const toSign = new Map(awsHeaders);
      for (const [k, v] of original) if (!IGNORED_HEADERS.has(k.toLowerCase())) toSign.set(k.toLowerCase(), v);
      const names = [...toSign.keys()].sort();
      const canonical = [
        method,
        url.path,
        url.query,
        ...names.map((k) => `${k}:${toSign.get(k)}`),
        '',
        names.join(';'),
        payloadHash,
      ].join('\n');
      const scope = `${date}/${region}/${service}/aws4_request`;
      const stringToSign = ['AWS4-HMAC-SHA256', stamp, scope, sha256Hex(canonical)].join('\n');
      let key = hmac(`AWS4${secretKey}`, date);
      for (const part of [region, service, 'aws4_request']) key = hmac(key, part);
      const signature = hmac(key, stringToSign).toString('hex');

      const signed = new RegoObject();
      for (const [k, v] of original) signed.set(k, v);
      signed.set('Authorization', `AWS4-HMAC-SHA256 Credential=${accessKey}/${scope},SignedHeaders=${names.join(';')},Signature=${signature}`);
      for (const [k, v] of awsHeaders) signed.set(k, v);
      const out = new RegoObject(request.entries());
      out.set('headers', signed);
      return out as RegoValue;
    },
    { checkOperands: false },
  ),
];

