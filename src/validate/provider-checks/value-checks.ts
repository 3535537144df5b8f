import { RE2JS } from 're2js';
import { goQuote } from '../../core/go-quote.ts';
import { parseIPv6 } from '../../core/ip-address.ts';
import { formatIp } from '../../terraform/functions/ip-network.ts';
import type { ValueCheck } from '../../schema/provider-checks/check-types.ts';
import { goJsonSyntaxError } from './go-json.ts';

/** A primitive value as the provider receives it. */
export type PrimitiveValue = string | number | boolean;

/** A problem a check found: the provider's summary and detail. */
export interface CheckFailure {
  summary: string;
  detail: string;
}

/** How the message names the argument: `name`, flat `a.0.b` or the framework's `a[0].b`. */
export interface CheckKeys {
  name: string;
  flat: string;
  path: string;
}

const keyOf = (check: { key?: string }, keys: CheckKeys) => (check.key === 'flat' ? keys.flat : check.key === 'path' ? keys.path : keys.name);

/** Go's `%q` of a []string. */
const goQuoteList = (values: readonly string[]) => `[${values.map(goQuote).join(' ')}]`;

/** Go's `%v` / `%d` of an integer-valued float (no exponent). */
function goInt(n: number): string {
  return Number.isInteger(n) ? BigInt(n).toString() : String(Math.trunc(n));
}

/** Go's `%f`: six decimals. */
const goFloat = (n: number) => n.toFixed(6);

/** Go's `%v` of a value the SDK passes to a validator (strings as they are, numbers in Go's shortest form). */
function goValue(value: PrimitiveValue): string {
  if (typeof value !== 'number') return String(value);
  if (Number.isInteger(value)) return goInt(value);
  return String(value);
}

const regexCache = new Map<string, RE2JS | null>();
function compileGoRegex(pattern: string): RE2JS | null {
  let compiled = regexCache.get(pattern);
  if (compiled === undefined) {
    try {
      compiled = RE2JS.compile(pattern);
    } catch {
      compiled = null;
    }
    regexCache.set(pattern, compiled);
  }
  return compiled;
}

const ARN_PARTITION = /^aws(-[a-z]+)*$/;
const ARN_REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const ARN_ACCOUNT = /^(aws|aws-managed|third-party|aws-marketplace|\d{12}|cw.{10})$/;

/** The provider's generic ARN check (`verify.ValidARN`): aws-sdk's arn.Parse, then partition, region, account, resource. */
function arnFailures(key: string, value: string): string[] {
  if (value === '') return [];
  const prefix = `${goQuote(key)} (${value}) is an invalid ARN: `;
  if (!value.startsWith('arn:')) return [`${prefix}arn: invalid prefix`];
  const sections = value.split(':');
  if (sections.length < 6) return [`${prefix}arn: not enough sections`];
  const [, partition = '', , region = '', account = ''] = sections;
  const resource = sections.slice(5).join(':');
  const out: string[] = [];
  if (partition === '') out.push(`${prefix}missing partition value`);
  else if (!ARN_PARTITION.test(partition)) out.push(`${prefix}invalid partition value (expecting to match regular expression: ^aws(-[a-z]+)*$)`);
  if (region !== '' && !ARN_REGION.test(region)) out.push(`${prefix}invalid region value (expecting to match regular expression: ^[a-z]{2}(-[a-z]+)+-\\d$)`);
  if (account !== '' && !ARN_ACCOUNT.test(account)) out.push(`${prefix}invalid account ID value (expecting to match regular expression: ^(aws|aws-managed|third-party|aws-marketplace|\\d{12}|cw.{10})$)`);
  if (resource === '') out.push(`${prefix}missing resource value`);
  return out;
}

/** Go's net.ParseIP for IPv4 dotted decimal (no leading zeros since Go 1.17). */
function parseIPv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let out = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || (part.length > 1 && part.startsWith('0'))) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    out = (out << 8n) | BigInt(n);
  }
  return out;
}

/** Go's net.ParseCIDR: address, prefix length and the network in Go's text form; undefined when malformed. */
function parseCIDR(text: string): { family: 'ipv4' | 'ipv6'; address: string; network: string } | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const addressText = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (!/^\d+$/.test(prefixText) || prefixText.length > 3) return undefined;
  const prefix = Number(prefixText);
  const v4 = parseIPv4(addressText);
  if (v4 !== undefined) {
    if (prefix > 32) return undefined;
    const mask = prefix === 0 ? 0n : ((1n << 32n) - 1n) ^ ((1n << BigInt(32 - prefix)) - 1n);
    return { family: 'ipv4', address: formatIp(v4, 32), network: `${formatIp(v4 & mask, 32)}/${prefix}` };
  }
  const v6 = addressText.includes(':') ? parseIPv6(addressText, parseIPv4) : undefined;
  if (v6 === undefined || prefix > 128) return undefined;
  const all = (1n << 128n) - 1n;
  const mask = prefix === 0 ? 0n : all ^ ((1n << BigInt(128 - prefix)) - 1n);
  return { family: 'ipv6', address: formatIp(v6, 128), network: `${formatIp(v6 & mask, 128)}/${prefix}` };
}

function cidrFailure(value: string, family: 'any' | 'ipv4' | 'ipv6'): string | undefined {
  const parsed = parseCIDR(value);
  if (!parsed) return `${goQuote(value)} is not a valid CIDR block: invalid CIDR address: ${value}`;
  if (family !== 'any' && parsed.family !== family) return `${goQuote(value)} is not a valid ${family === 'ipv4' ? 'IPv4' : 'IPv6'} CIDR block`;
  if (parsed.address !== parsed.network.split('/')[0]) {
    const kind = family === 'any' ? 'CIDR' : family === 'ipv4' ? 'IPv4 CIDR' : 'IPv6 CIDR';
    return `${goQuote(value)} is not a valid ${kind} block; did you mean ${goQuote(parsed.network)}?`;
  }
  return undefined;
}

/** Go's base64.StdEncoding.DecodeString accepts it. */
export function isStdBase64(value: string): boolean {
  const text = value.replace(/[\r\n]/g, '');
  return text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);
}

/** How an inferred check's message names the value and the argument. */
export interface TemplateKeys {
  name: string;
  flat: string;
  path: string;
}

/** Go's time package quoting of a value in its parse errors: control and non-ASCII characters as `\\xNN` bytes. */
export function goTimeQuote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x20 || c >= 0x80) for (const byte of Buffer.from(ch, 'utf8')) out += `\\x${byte.toString(16).padStart(2, '0')}`;
    else out += ch === '"' || ch === '\\' ? `\\${ch}` : ch;
  }
  return `${out}"`;
}

/** An inferred check's message with the value and the argument's keys filled in. */
export function renderTemplate(template: string, value: string, keys: TemplateKeys): string {
  if (!template.includes('{{')) return template;
  return template.replace(/\{\{(value|quoted|bytes|lower|length|flat|path)\}\}/g, (_, name: string) => {
    if (name === 'value') return value;
    if (name === 'quoted') return goQuote(value);
    if (name === 'bytes') return goTimeQuote(value);
    if (name === 'lower') return value.toLowerCase();
    if (name === 'length') return String([...value].length);
    return name === 'flat' ? keys.flat : keys.path;
  });
}

/** Whether an inferred check accepts a string. */
function inferredAccepts(check: Extract<ValueCheck, { kind: 'inferred' }>, value: string): boolean {
  if (check.values) return check.values.includes(value);
  if (check.format === 'base64') return isStdBase64(value);
  const length = [...value].length;
  if ((check.minLength !== undefined && length < check.minLength) || (check.maxLength !== undefined && length > check.maxLength)) return false;
  if (check.pattern === undefined) return true;
  const regex = compileGoRegex(check.pattern);
  return !regex || regex.matcher(value).matches();
}

/**
 * The failures of one check on one known primitive value, in the provider's words. A check whose rule
 * is not known in general (`literal`) only fails on the exact values the provider was seen to reject.
 */
export function runValueCheck(check: ValueCheck, value: PrimitiveValue, keys: CheckKeys): CheckFailure[] {
  const text = typeof value === 'string' ? value : goValue(value);
  const fail = (summary: string): CheckFailure[] => [{ summary, detail: '' }];
  switch (check.kind) {
    case 'enum': {
      if (typeof value !== 'string') return [];
      const ok = check.ignoreCase ? check.values.some((v) => v.toLowerCase() === value.toLowerCase()) : check.values.includes(value);
      if (ok) return [];
      if (check.framework) {
        return [{ summary: 'Invalid Attribute Value Match', detail: `Attribute ${keys.path} value must be one of: ${goQuoteList(check.values)}, got: ${goQuote(value)}` }];
      }
      return fail(`expected ${keyOf(check, keys)} to be one of ${goQuoteList(check.values)}, got ${value}`);
    }
    case 'int-enum':
      if (typeof value !== 'number' || check.values.includes(value)) return [];
      return fail(`expected ${keyOf(check, keys)} to be one of [${check.values.map(goInt).join(' ')}], got ${goInt(value)}`);
    case 'length': {
      if (typeof value !== 'string') return [];
      if (check.framework) {
        const length = [...value].length;
        if ((check.min === undefined || length >= check.min) && (check.max === undefined || length <= check.max)) return [];
        const rule = check.form === 'at-least' ? `at least ${check.min}` : check.form === 'at-most' ? `at most ${check.max}` : `between ${check.min} and ${check.max}`;
        return [{ summary: 'Invalid Attribute Value Length', detail: `Attribute ${keys.path} string length must be ${rule}, got: ${length}` }];
      }
      const length = Buffer.byteLength(value, 'utf8');
      if (length >= (check.min ?? 0) && length <= (check.max ?? Infinity)) return [];
      return fail(`expected length of ${keyOf(check, keys)} to be in the range (${check.min} - ${check.max}), got ${value}`);
    }
    case 'int-range': {
      if (typeof value !== 'number') return [];
      if ((check.min === undefined || value >= check.min) && (check.max === undefined || value <= check.max)) return [];
      if (check.framework) {
        const rule = check.form === 'at-least' ? `at least ${check.min}` : check.form === 'at-most' ? `at most ${check.max}` : `between ${check.min} and ${check.max}`;
        return [{ summary: 'Invalid Attribute Value', detail: `Attribute ${keys.path} value must be ${rule}, got: ${goInt(value)}` }];
      }
      const key = keyOf(check, keys);
      if (check.min !== undefined && check.max !== undefined) return fail(`expected ${key} to be in the range (${check.min} - ${check.max}), got ${goInt(value)}`);
      if (check.min !== undefined) return fail(`expected ${key} to be at least (${check.min}), got ${goInt(value)}`);
      return fail(`expected ${key} to be at most (${check.max}), got ${goInt(value)}`);
    }
    case 'float-range': {
      if (typeof value !== 'number') return [];
      if ((check.min === undefined || value >= check.min) && (check.max === undefined || value <= check.max)) return [];
      const key = keyOf(check, keys);
      if (check.min !== undefined && check.max !== undefined) return fail(`expected ${key} to be in the range (${goFloat(check.min)} - ${goFloat(check.max)}), got ${goFloat(value)}`);
      if (check.min !== undefined) return fail(`expected ${key} to be at least (${goFloat(check.min)}), got ${goFloat(value)}`);
      return fail(`expected ${key} to be at most (${goFloat(check.max ?? 0)}), got ${goFloat(value)}`);
    }
    case 'divisible':
      if (typeof value !== 'number' || value % check.by === 0) return [];
      return fail(`expected ${keyOf(check, keys)} to be divisible by ${check.by}, got: ${goInt(value)}`);
    case 'regex': {
      if (typeof value !== 'string') return [];
      const regex = compileGoRegex(check.pattern);
      if (!regex) return [];
      const matches = regex.matcher(value).find();
      if (matches !== Boolean(check.negate)) return [];
      if (check.framework) {
        return [{ summary: 'Invalid Attribute Value Match', detail: `Attribute ${keys.path} value must match regular expression '${check.pattern}', got: ${goQuote(value)}` }];
      }
      return fail(`expected value of ${keyOf(check, keys)} to ${check.negate ? 'not ' : ''}match regular expression ${goQuote(check.pattern)}, got ${value}`);
    }
    case 'arn':
      return typeof value === 'string' ? arnFailures(keyOf(check, keys), value).map((summary) => ({ summary, detail: '' })) : [];
    case 'cidr': {
      if (typeof value !== 'string') return [];
      const failure = cidrFailure(value, check.family);
      return failure ? fail(failure) : [];
    }
    case 'iam-policy-json': {
      if (typeof value !== 'string') return [];
      const key = goQuote(keyOf(check, keys));
      if (value.length === 0) return fail(`${key} is an empty string, which is not a valid JSON value`);
      const first = value[0];
      if (first !== '{') {
        if (first === ' ' || first === '\t' || first === '\r' || first === '\n') return fail(`${key} contains an invalid JSON policy: leading space characters are not allowed`);
        if (first === '[') return fail(`${key} contains an invalid JSON policy: contains a JSON array, not a JSON object`);
        if (first === '"') return [];
        return fail(`${key} contains an invalid JSON policy: not a JSON object`);
      }
      const error = goJsonSyntaxError(value);
      if (error) return fail(`${key} contains an invalid JSON policy: ${error.message}${error.offset !== undefined ? `, at byte offset ${error.offset}` : ''}`);
      return [];
    }
    case 'json': {
      if (typeof value !== 'string') return [];
      const error = goJsonSyntaxError(value);
      return error ? fail(`${goQuote(keyOf(check, keys))} contains an invalid JSON: ${error.message}`) : [];
    }
    case 'base64':
      if (typeof value !== 'string' || isStdBase64(value)) return [];
      return fail(`expected ${goQuote(keyOf(check, keys))} to be a base64 string, got ${value}`);
    case 'rfc3339':
      return [];
    case 'not-empty':
      return text === '' ? fail(`expected ${goQuote(keyOf(check, keys))} to not be an empty string, got ${text}`) : [];
    case 'not-whitespace':
      return text.trim() === '' ? fail(`expected ${goQuote(keyOf(check, keys))} to not be an empty string or whitespace`) : [];
    case 'kms-key-id': {
      if (typeof value !== 'string') return [];
      const length = Buffer.byteLength(value, 'utf8');
      const key = goQuote(keyOf(check, keys));
      if (length < 1) return fail(`${key} cannot be shorter than 1 character`);
      if (length > 2048) return fail(`${key} cannot be longer than 2048 characters`);
      return [];
    }
    case 'account-id':
      if (typeof value !== 'string' || /^\d{12}$/.test(value)) return [];
      return fail(`${goQuote(keyOf(check, keys))} doesn't look like AWS Account ID (exactly 12 digits): ${goQuote(value)}`);
    case 'region':
      if (typeof value !== 'string' || /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(value)) return [];
      return fail(`${goQuote(keyOf(check, keys))} doesn't look like AWS Region: ${goQuote(value)}`);
    case 'ip-address': {
      if (typeof value !== 'string') return [];
      const v4 = parseIPv4(value) !== undefined;
      const v6 = !v4 && value.includes(':') && parseIPv6(value, parseIPv4) !== undefined;
      // Go's net.ParseIP: IPv4 text is an IPv6 address too (To16), IPv4-mapped IPv6 an IPv4 one (To4).
      const mapped = v6 && /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(value);
      const ok = check.family === 'ipv4' ? v4 || mapped : v4 || v6;
      if (ok) return [];
      const what = check.family === 'ipv4' ? 'IPv4 address' : check.family === 'ipv6' ? 'IPv6 address' : 'IP';
      return fail(`expected ${keyOf(check, keys)} to contain a valid ${what}, got: ${value}`);
    }
    case 'inferred':
      if (typeof value !== 'string' || inferredAccepts(check, value)) return [];
      return [{ summary: renderTemplate(check.summary, value, keys), detail: renderTemplate(check.detail, value, keys) }];
    case 'literal':
      return check.rejects.filter((r) => r.value === text).map((r) => ({ summary: r.summary, detail: r.detail }));
  }
}
