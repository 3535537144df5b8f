// Recognises the provider's validation messages (the message formats of terraform-plugin-sdk's
// helper/validation, of terraform-plugin-framework-validators and of the provider's own verify package) and
// turns one observed message into a general check: which validator it is, with its parameters. Used by
// gen-provider-checks.ts; the run-time side is src/schema/provider-checks/.
import type { ValueCheck } from '../../src/schema/provider-checks/check-types.ts';

/** Go's `%q` of a []string: `["a" "b"]`. */
function quotedList(text: string): string[] | undefined {
  if (!text.startsWith('[') || !text.endsWith(']')) return undefined;
  const inner = text.slice(1, -1);
  if (inner === '') return [];
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"( |$)/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(inner))) out.push(JSON.parse(`"${m[1]}"`) as string);
  return re.lastIndex === 0 && out.length === 0 ? undefined : out;
}

/** Go's `%v` of a []int: `[0 1 3]`. */
function numberList(text: string): number[] | undefined {
  if (!/^\[(-?\d+(\.\d+)?( -?\d+(\.\d+)?)*)?\]$/.test(text)) return undefined;
  return text.slice(1, -1).split(' ').filter(Boolean).map(Number);
}

export interface Observation {
  summary: string;
  detail: string;
  /** The probe value as the provider saw it (string form). */
  value: string;
  /** The last attribute name of the path and the SDK's flat key of the probed argument (`a.0.b`). */
  name: string;
  flatKey: string;
}

/** The key a message names: the attribute name (ToDiagFunc validators) or the flat key (legacy ValidateFunc). */
function keyStyle(named: string, o: Observation): 'name' | 'flat' | undefined {
  if (named === o.name) return 'name';
  if (named.replace(/\.\d+(?=\.|$)/g, '.{i}') === o.flatKey.replace(/\.\d+(?=\.|$)/g, '.{i}')) return 'flat';
  return undefined;
}

/** One observed diagnostic as a general check, or undefined when the message is not a known validator's. */
export function classify(o: Observation): ValueCheck | undefined {
  const s = o.summary;
  let m: RegExpExecArray | null;
  if (o.detail === '') {
    // terraform-plugin-sdk helper/validation
    if ((m = /^expected (\S+) to be one of (\[.*\]), got ([\s\S]*)$/.exec(s)) && m[3] === o.value) {
      const key = keyStyle(m[1] as string, o);
      const strings = quotedList(m[2] as string);
      if (key && strings) return { kind: 'enum', values: strings, key };
      const numbers = numberList(m[2] as string);
      if (key && numbers) return { kind: 'int-enum', values: numbers, key };
    }
    if ((m = /^expected length of (\S+) to be in the range \((\d+) - (\d+)\), got ([\s\S]*)$/.exec(s)) && m[4] === o.value) {
      const key = keyStyle(m[1] as string, o);
      if (key) return { kind: 'length', min: Number(m[2]), max: Number(m[3]), key };
    }
    if ((m = /^expected (\S+) to be in the range \((-?\d+) - (-?\d+)\), got (-?\d+)$/.exec(s))) {
      const key = keyStyle(m[1] as string, o);
      if (key) return { kind: 'int-range', min: Number(m[2]), max: Number(m[3]), key };
    }
    if ((m = /^expected (\S+) to be at least \((-?\d+)\), got (-?\d+)$/.exec(s))) {
      const key = keyStyle(m[1] as string, o);
      if (key) return { kind: 'int-range', min: Number(m[2]), key };
    }
    if ((m = /^expected (\S+) to be at most \((-?\d+)\), got (-?\d+)$/.exec(s))) {
      const key = keyStyle(m[1] as string, o);
      if (key) return { kind: 'int-range', max: Number(m[2]), key };
    }
    if ((m = /^expected (\S+) to be in the range \((-?\d+\.\d{6}) - (-?\d+\.\d{6})\), got (-?\d+\.\d{6})$/.exec(s))) {
      const key = keyStyle(m[1] as string, o);
      if (key) return { kind: 'float-range', min: Number(m[2]), max: Number(m[3]), key };
    }
    if ((m = /^expected (\S+) to be at least \((-?\d+\.\d{6})\), got (-?\d+\.\d{6})$/.exec(s))) {
      const key = keyStyle(m[1] as string, o);
      if (key) return { kind: 'float-range', min: Number(m[2]), key };
    }
    if ((m = /^expected (\S+) to be at most \((-?\d+\.\d{6})\), got (-?\d+\.\d{6})$/.exec(s))) {
      const key = keyStyle(m[1] as string, o);
      if (key) return { kind: 'float-range', max: Number(m[2]), key };
    }
    if ((m = /^expected (\S+) to be divisible by (\d+), got: (-?\d+)$/.exec(s))) {
      const key = keyStyle(m[1] as string, o);
      if (key) return { kind: 'divisible', by: Number(m[2]), key };
    }
    if ((m = /^expected value of (\S+) to match regular expression ("(?:[^"\\]|\\.)*"), got ([\s\S]*)$/.exec(s)) && m[3] === o.value) {
      const key = keyStyle(m[1] as string, o);
      if (key) return { kind: 'regex', pattern: JSON.parse(m[2] as string) as string, key };
    }
    if ((m = /^expected value of (\S+) to not match regular expression ("(?:[^"\\]|\\.)*"), got ([\s\S]*)$/.exec(s)) && m[3] === o.value) {
      const key = keyStyle(m[1] as string, o);
      if (key) return { kind: 'regex', pattern: JSON.parse(m[2] as string) as string, negate: true, key };
    }
    if ((m = /^"(\S+)" \(([\s\S]*)\) is an invalid ARN: /.exec(s)) && m[2] === o.value) {
      const key = keyStyle(m[1] as string, o);
      if (key) return { kind: 'arn', key };
    }
    if ((m = /^"([\s\S]*)" is not a valid CIDR block: /.exec(s)) && m[1] === o.value) return { kind: 'cidr', family: 'any' };
    if ((m = /^"([\s\S]*)" is not a valid CIDR block; did you mean /.exec(s)) && m[1] === o.value) return { kind: 'cidr', family: 'any' };
    if ((m = /^"([\s\S]*)" is not a valid (IPv4|IPv6) CIDR block/.exec(s)) && m[1] === o.value) return { kind: 'cidr', family: (m[2] as string).toLowerCase() as 'ipv4' | 'ipv6' };
    if ((m = /^"(\S+)" contains an invalid JSON policy: /.exec(s)) || (m = /^"(\S+)" is an empty string, which is not a valid JSON value$/.exec(s))) {
      const key = keyStyle(m[1] as string, o);
      if (key) return { kind: 'iam-policy-json', key };
    }
    if ((m = /^"(\S+)" contains an invalid JSON: /.exec(s))) {
      const key = keyStyle(m[1] as string, o);
      if (key) return { kind: 'json', key };
    }
    if ((m = /^expected "(\S+)" to be a base64 string, got ([\s\S]*)$/.exec(s)) && m[2] === o.value) {
      const key = keyStyle(m[1] as string, o);
      if (key) return { kind: 'base64', key };
    }
    if ((m = /^expected "(\S+)" to be a valid RFC3339 date, got "/.exec(s))) {
      const key = keyStyle(m[1] as string, o);
      if (key) return { kind: 'rfc3339', key };
    }
    if ((m = /^expected "(\S+)" to not be an empty string, got /.exec(s))) {
      const key = keyStyle(m[1] as string, o);
      if (key) return { kind: 'not-empty', key };
    }
    if ((m = /^expected "(\S+)" to not be an empty string or whitespace$/.exec(s))) {
      const key = keyStyle(m[1] as string, o);
      if (key) return { kind: 'not-whitespace', key };
    }
    if ((m = /^"(\S+)" cannot be shorter than 1 character$/.exec(s)) || (m = /^"(\S+)" cannot be longer than 2048 characters$/.exec(s))) {
      const key = keyStyle(m[1] as string, o);
      if (key) return { kind: 'kms-key-id', key };
    }
    if ((m = /^"(\S+)" doesn't look like AWS Account ID \(exactly 12 digits\): ("[\s\S]*")$/.exec(s)) && JSON.parse(m[2] as string) === o.value) {
      const key = keyStyle(m[1] as string, o);
      if (key) return { kind: 'account-id', key };
    }
    if ((m = /^"(\S+)" doesn't look like AWS Region: ("[\s\S]*")$/.exec(s)) && JSON.parse(m[2] as string) === o.value) {
      const key = keyStyle(m[1] as string, o);
      if (key) return { kind: 'region', key };
    }
    if ((m = /^expected (\S+) to contain a valid (IPv4 address|IPv6 address|IP), got: ([\s\S]*)$/.exec(s)) && m[3] === o.value) {
      const key = keyStyle(m[1] as string, o);
      const family = m[2] === 'IPv4 address' ? 'ipv4' : m[2] === 'IPv6 address' ? 'ipv6' : 'any';
      if (key) return { kind: 'ip-address', family, key };
    }
    return undefined;
  }
  // terraform-plugin-framework-validators: "Attribute <path> ..." details.
  if (s === 'Invalid Attribute Value Match' && (m = /^Attribute (\S+) value must be one of: (\[.*\]), got: ([\s\S]*)$/.exec(o.detail)) && m[3] === JSON.stringify(o.value)) {
    const values = quotedList(m[2] as string);
    if (values) return { kind: 'enum', values, key: 'path', framework: true };
  }
  if (s === 'Invalid Attribute Value Length' && (m = /^Attribute (\S+) string length must be (between (\d+) and (\d+)|at least (\d+)|at most (\d+)), got: (\d+)$/.exec(o.detail))) {
    const min = m[3] ?? m[5];
    const max = m[4] ?? m[6];
    return { kind: 'length', ...(min !== undefined ? { min: Number(min) } : {}), ...(max !== undefined ? { max: Number(max) } : {}), key: 'path', framework: true, form: m[3] ? 'between' : m[5] ? 'at-least' : 'at-most' };
  }
  if (s === 'Invalid Attribute Value' && (m = /^Attribute (\S+) value must be (between (-?\d+) and (-?\d+)|at least (-?\d+)|at most (-?\d+)), got: (-?\d+)$/.exec(o.detail))) {
    const min = m[3] ?? m[5];
    const max = m[4] ?? m[6];
    return { kind: 'int-range', ...(min !== undefined ? { min: Number(min) } : {}), ...(max !== undefined ? { max: Number(max) } : {}), key: 'path', framework: true, form: m[3] ? 'between' : m[5] ? 'at-least' : 'at-most' };
  }
  if (s === 'Invalid Attribute Value Match' && (m = /^Attribute (\S+) value must match regular expression '([\s\S]*)', got: ([\s\S]*)$/.exec(o.detail)) && m[3] === JSON.stringify(o.value)) {
    return { kind: 'regex', pattern: m[2] as string, key: 'path', framework: true };
  }
  return undefined;
}
