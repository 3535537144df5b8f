/** OPA category `encoding`: base64, base64url, hex, urlquery, json.* and yaml.* text encodings. */
import { yamlLib } from '../../core/yaml-lib.ts';
import { BuiltinError } from './define-builtin.ts';
import { defineCategory } from './builtin.ts';
import { goBase64Decode } from './go-base64.ts';
import { marshalJson, parseJson } from './json-text.ts';
import { objectOperand, operandError, stringOperand } from './operands.ts';
import { fromJS, normalizeNumber, RegoObject, RegoSet, toJS, type RegoValue } from '../value.ts';
import { queryEscape } from '../../core/go-query-escape.ts';

const builtin = defineCategory('encoding');

/** Go string from bytes: invalid UTF-8 becomes U+FFFD. */
const bytesToString = (b: Buffer): string => b.toString('utf8');


/** Go url.QueryUnescape. */
export function queryUnescape(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; ) {
    const c = s[i]!;
    if (c === '%') {
      const hex = s.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new BuiltinError(`invalid URL escape ${JSON.stringify(s.slice(i, i + 3))}`);
      bytes.push(parseInt(hex, 16));
      i += 3;
    } else if (c === '+') {
      bytes.push(0x20);
      i++;
    } else {
      const cp = s.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      bytes.push(...Buffer.from(ch, 'utf8'));
      i += ch.length;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** go-yaml's wording for the problems both parsers detect the same way (unterminated flow collections). */
function goYamlMessage(message: string): string {
  if (/^Flow sequence must end with a \]/.test(message)) return "did not find expected ',' or ']'";
  if (/^Flow mapping must end with a \}/.test(message)) return "did not find expected ',' or '}'";
  return message.replace(/ at line \d+, column \d+:?$/, '');
}

/** YAML document -> Rego value with exact integers (go-yaml + sigs.k8s.io/yaml conversion to JSON). */
function yamlToRego(text: string): RegoValue {
  // go-yaml decodes the first document of a stream.
  const docs = yamlLib().parseAllDocuments(text, { intAsBigInt: true, uniqueKeys: true, version: '1.1' });
  const doc = Array.isArray(docs) ? docs[0] : undefined;
  if (!doc) return null;
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line ?? 1;
    throw new BuiltinError(`yaml: line ${line}: ${goYamlMessage(e.message.split('\n')[0]!)}`);
  }
  const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const convert = (v: unknown): RegoValue => {
    if (typeof v === 'bigint') return normalizeNumber(v);
    if (v instanceof Date) return v.toISOString();
    if (v instanceof Uint8Array) return Buffer.from(v).toString('utf8');
    if (Array.isArray(v)) return v.map(convert);
    if (v instanceof Map) return new RegoObject([...v].map(([k, x]) => [String(k), convert(x)] as const));
    if (v && typeof v === 'object') return new RegoObject(Object.entries(v).map(([k, x]) => [k, convert(x)] as const));
    if (typeof v === 'number' && !Number.isFinite(v)) throw new BuiltinError('yaml: cannot represent infinity or NaN as JSON');
    return fromJS(v);
  };
  return convert(value);
}

export const encodingBuiltins = [
  builtin('base64.encode', ([s]) => Buffer.from(stringOperand(s, 1), 'utf8').toString('base64')),
  builtin('base64.decode', ([s]) => bytesToString(goBase64Decode(stringOperand(s, 1)))),
  builtin(
    'base64.is_valid',
    ([s]) => {
      if (typeof s !== 'string') return false;
      try {
        goBase64Decode(s);
        return true;
      } catch {
        return false;
      }
    },
    { checkOperands: false },
  ),
  builtin('base64url.encode', ([s]) => Buffer.from(stringOperand(s, 1), 'utf8').toString('base64').replaceAll('+', '-').replaceAll('/', '_')),
  builtin('base64url.encode_no_pad', ([s]) => Buffer.from(stringOperand(s, 1), 'utf8').toString('base64url')),
  builtin('base64url.decode', ([s]) => {
    let text = stringOperand(s, 1);
    if (!text.endsWith('=')) {
      const rest = Buffer.byteLength(text) % 4;
      if (rest === 2) text += '==';
      else if (rest === 3) text += '=';
      else if (rest === 1) throw new BuiltinError(`illegal base64url string: ${text}`);
    }
    return bytesToString(goBase64Decode(text, { url: true }));
  }),
  builtin('hex.encode', ([s]) => Buffer.from(stringOperand(s, 1), 'utf8').toString('hex')),
  builtin('hex.decode', ([s]) => {
    const text = stringOperand(s, 1);
    const bytes = Buffer.from(text, 'utf8');
    for (let i = 0; i < bytes.length; i++) {
      const c = String.fromCharCode(bytes[i]!);
      if (!/[0-9a-fA-F]/.test(c)) {
        const ch = String.fromCharCode(bytes[i]!);
        throw new BuiltinError(`encoding/hex: invalid byte: U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${quoteRune(ch)}`);
      }
    }
    if (bytes.length % 2 === 1) throw new BuiltinError('encoding/hex: odd length hex string');
    return bytesToString(Buffer.from(text, 'hex'));
  }),
  builtin('urlquery.encode', ([s]) => queryEscape(stringOperand(s, 1))),
  builtin('urlquery.decode', ([s]) => queryUnescape(stringOperand(s, 1))),
  builtin('urlquery.encode_object', ([o]) => {
    const obj = objectOperand(o, 1);
    const bad = (): never => {
      throw operandError(1, 'values must be string, array[string], or set[string]');
    };
    const parts: string[] = [];
    for (const [k, v] of obj.sortedEntries()) {
      const key = typeof k === 'string' ? k : marshalJson(k);
      const values = typeof v === 'string' ? [v] : Array.isArray(v) ? (v as readonly RegoValue[]) : v instanceof RegoSet ? v.sorted() : bad();
      for (const x of values) parts.push(`${queryEscape(key)}=${queryEscape(typeof x === 'string' ? x : bad())}`);
    }
    return parts.join('&');
  }),
  builtin('urlquery.decode_object', ([s]) => {
    const text = stringOperand(s, 1);
    const out = new Map<string, string[]>();
    for (const pair of text.split(/&/)) {
      if (pair === '') continue;
      if (pair.includes(';')) throw new BuiltinError('invalid semicolon separator in query');
      const eq = pair.indexOf('=');
      const key = queryUnescape(eq === -1 ? pair : pair.slice(0, eq));
      const value = eq === -1 ? '' : queryUnescape(pair.slice(eq + 1));
      out.set(key, [...(out.get(key) ?? []), value]);
    }
    return new RegoObject([...out].map(([k, v]) => [k, v] as const));
  }),
  builtin('json.marshal', ([v]) => marshalJson(v!)),
  builtin('json.marshal_with_options', ([v, o]) => {
    const options = objectOperand(o, 2);
    let pretty: boolean | undefined;
    let indent = '\t';
    let prefix = '';
    for (const [k, x] of options) {
      if (k === 'pretty') {
        if (typeof x !== 'boolean') throw operandError(2, 'must have a boolean value for "pretty"');
        pretty = x;
      } else if (k === 'indent') {
        if (typeof x !== 'string') throw operandError(2, 'must have a string value for "indent"');
        indent = x;
      } else if (k === 'prefix') {
        if (typeof x !== 'string') throw operandError(2, 'must have a string value for "prefix"');
        prefix = x;
      } else throw operandError(2, `object contained unknown key ${JSON.stringify(k)}`);
    }
    const usePretty = pretty ?? (options.has('indent') || options.has('prefix'));
    if (!usePretty) return marshalJson(v!);
    return prefix + marshalJson(v!, indent, prefix);
  }),
  builtin('json.unmarshal', ([s]) => parseJson(stringOperand(s, 1))),
  builtin(
    'json.is_valid',
    ([s]) => {
      if (typeof s !== 'string') return false;
      try {
        parseJson(s);
        return true;
      } catch {
        return false;
      }
    },
    { checkOperands: false },
  ),
  builtin('yaml.marshal', ([v]) => {
    const js = toJS(v!);
    return yamlLib().stringify(js, { indentSeq: false, lineWidth: 0, sortMapEntries: true, version: '1.1' });
  }),
  builtin('yaml.unmarshal', ([s]) => yamlToRego(stringOperand(s, 1))),
  builtin(
    'yaml.is_valid',
    ([s]) => {
      if (typeof s !== 'string') return false;
      try {
        yamlToRego(s);
        return true;
      } catch {
        return false;
      }
    },
    { checkOperands: false },
  ),
];

/** Go's %q of a rune. */
function quoteRune(ch: string): string {
  return ch === "'" ? "'\\''" : `'${ch}'`;
}
