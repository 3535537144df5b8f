import { fromJson, isWhollyKnown, makeList, type TfObject, type TfValue, unknownOf } from '../eval/value.ts';
import { T_STRING } from '../eval/types.ts';
import { defineFunction, FunctionArgError, FunctionError, type TfFunction } from './define-function.ts';
import { jsonEncode } from './json-encode.ts';
import { textCodec } from './text-encodings.ts';
import { yamlDecode } from './yaml-decode.ts';
import { yamlEncode } from './yaml-encode.ts';
import { queryEscape } from '../../core/go-query-escape.ts';

const str = (v: TfValue): string => v as string;

function decodeBase64(s: string, argIndex: number): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0)
    throw new FunctionError('failed to decode base64 data ' + JSON.stringify(s));
  return Buffer.from(s, 'base64');
}

function utf8OrFail(buf: Buffer, argIndex: number): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new FunctionError('the result of decoding the provided string is not valid UTF-8');
  }
}


/** RFC 4180 CSV with a header row, as Go's encoding/csv reads it. */
function csvDecode(text: string): TfValue {
  const rows: string[][] = [];
  let field = '';
  let row: string[] = [];
  let i = 0;
  let quoted = false;
  let line = 1;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (c === '\n') line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
      continue;
    }
    if (c === ',') {
      row.push(field);
      field = '';
      i++;
      continue;
    }
    if (c === '\r' && text[i + 1] === '\n') {
      i++;
      continue;
    }
    if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      line++;
      i++;
      continue;
    }
    if (c === '"') throw new FunctionError(`parse error on line ${line}, column ${i + 1}: bare " in non-quoted-field`);
    field += c;
    i++;
  }
  if (quoted) throw new FunctionError(`parse error on line ${line}: extraneous or missing " in quoted-field`);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const nonEmpty = rows.filter((r) => !(r.length === 1 && r[0] === ''));
  const [header, ...data] = nonEmpty;
  if (!header) throw new FunctionError('missing header line');
  const out: TfValue[] = [];
  data.forEach((r, n) => {
    if (r.length !== header.length) throw new FunctionError(`CSV parse error on line ${n + 2}: wrong number of fields`);
    const obj: TfObject = {};
    header.forEach((h, j) => (obj[h] = r[j]!));
    out.push(obj);
  });
  return makeList(out);
}

/** Go's encoding/json wording for a syntax error, from JSON.parse's position. */
function goJsonError(text: string, error: unknown): string {
  const m = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!m || Number(m[1]) >= text.length) return 'unexpected end of JSON input';
  return `invalid character ${JSON.stringify(text[Number(m[1])]!).replace(/^"|"$/g, "'")}`;
}

export const encodingFunctions: TfFunction[] = [
  defineFunction({ name: 'base64encode', impl: ([s]) => Buffer.from(str(s!), 'utf8').toString('base64') }),
  defineFunction({ name: 'base64decode', impl: ([s]) => utf8OrFail(decodeBase64(str(s!), 0), 0) }),
  defineFunction({
    name: 'textencodebase64',
    impl: ([s, enc]) => {
      const bytes = textCodec(str(enc!), 1).encode(str(s!));
      if (!bytes) throw new FunctionArgError(0, `the given string contains characters that cannot be represented in ${str(enc!)}`);
      return bytes.toString('base64');
    },
  }),
  defineFunction({
    name: 'textdecodebase64',
    impl: ([s, enc]) => {
      const codec = textCodec(str(enc!), 1);
      const buf = decodeBase64(str(s!), 0);
      return str(enc!).toLowerCase().replace('_', '-') === 'utf-8' ? utf8OrFail(buf, 0) : codec.decode(buf);
    },
  }),
  defineFunction({ name: 'urlencode', impl: ([s]) => queryEscape(str(s!)) }),
  defineFunction({ name: 'csvdecode', impl: ([s]) => csvDecode(str(s!)) }),
  defineFunction({
    name: 'jsonencode',
    impl: ([v]) => {
      if (!isWhollyKnown(v!)) return unknownOf(T_STRING);
      return jsonEncode(v!);
    },
  }),
  defineFunction({
    name: 'jsondecode',
    impl: ([s]) => {
      try {
        return fromJson(JSON.parse(str(s!)));
      } catch (error) {
        throw new FunctionError(goJsonError(str(s!), error));
      }
    },
  }),
  defineFunction({
    name: 'yamlencode',
    impl: ([v]) => (isWhollyKnown(v!) ? yamlEncode(v!) : unknownOf(T_STRING)),
  }),
  defineFunction({ name: 'yamldecode', impl: ([s]) => yamlDecode(str(s!)) }),
];
