/**
 * JSON text <-> Rego values, the way OPA does it: parsing keeps integers exact (bigint beyond 2^53) and rejects
 * what Go's encoding/json rejects; printing follows Go's json.Marshal (sorted keys, sets as arrays, strings escaped by
 * `core/go-json-string.ts`: `<`, `>`, `&`, U+2028 and U+2029 as \u00XX/\u20XX).
 */
import { goJsonString as jsonString } from '../../core/go-json-string.ts';
import { BuiltinError } from './define-builtin.ts';
import { jsonText, normalizeNumber, RegoObject, type RegoValue } from '../value.ts';

/** Nesting limit (Go allows 10000; a JS call stack holds fewer recursive parser frames). */
const MAX_DEPTH = 1_000;

/** Parses JSON text; throws BuiltinError with a Go-like message on invalid input. */
export function parseJson(text: string): RegoValue {
  let i = 0;
  const fail = (what: string): never => {
    throw new BuiltinError(`invalid character ${i < text.length ? `'${text[i]}'` : 'EOF'} ${what}`);
  };
  const ws = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const value = (depth: number): RegoValue => {
    if (depth > MAX_DEPTH) throw new BuiltinError('exceeded max depth');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj = new RegoObject();
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('looking for beginning of object key string');
        const key = string();
        ws();
        if (text[i] !== ':') fail("after object key");
        i++;
        obj.set(key, value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail('after object key:value pair');
      }
    }
    if (c === '[') {
      i++;
      const arr: RegoValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail('after array element');
      }
    }
    if (c === '"') return string();
    if (text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    const m = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 4096));
    if (!m) return fail('looking for beginning of value');
    i += m[0].length;
    if (!m[1] && !m[2]) return normalizeNumber(BigInt(m[0]));
    const n = Number(m[0]);
    if (!Number.isFinite(n)) throw new BuiltinError(`json: cannot unmarshal number ${m[0]}`);
    return Number.isInteger(n) && !Number.isSafeInteger(n) ? normalizeNumber(BigInt(n)) : n;
  };
  const string = (): string => {
    const start = i;
    i++;
    let out = '';
    for (;;) {
      if (i >= text.length) {
        i = start;
        return fail('in string literal');
      }
      const ch = text[i]!;
      if (ch === '"') {
        i++;
        return out;
      }
      if (ch === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          i++;
          fail('in string escape code');
        }
        continue;
      }
      if (ch.charCodeAt(0) < 0x20) fail('in string literal');
      out += ch;
      i++;
    }
  };
  const result = value(0);
  ws();
  if (i < text.length) fail('after top-level value');
  return result;
}

/** Go json.Marshal / MarshalIndent of ast.JSON(v). */
export function marshalJson(v: RegoValue, indent?: string, prefix = ''): string {
  return jsonText(v, jsonString, indent, prefix);
}
