import type { Document, YAMLParseError } from 'yaml';
import { yamlLib } from '../../core/yaml-lib.ts';
import type { TfObject, TfValue } from '../eval/value.ts';
import { FunctionError } from './define-function.ts';

/**
 * YAML text to a value as Terraform's `yamldecode` reads it (cty's YAML package): plain scalars
 * resolve as null (`~`, `null`, empty), YAML 1.1 booleans (`yes`, `no`, `on`, `off`, `y`, `n`),
 * decimal integers (a leading zero stays decimal), `0x` hexadecimal, floats, `.inf`, and timestamps
 * (rendered as RFC 3339 strings); everything else, and every quoted scalar, is a string. Explicit
 * tags (`!!str`, `!!int`, ...) win. Exactly one document is accepted.
 */
export function yamlDecode(text: string): TfValue {
  if (/^(\s|#.*)*$/.test(text)) throw new FunctionError('on line 1, column 1: missing start of document');
  const { isAlias, isMap, isScalar, isSeq, parseAllDocuments } = yamlLib();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { schema: 'failsafe', version: '1.1', uniqueKeys: true }) as Document.Parsed[];
  } catch (error) {
    throw new FunctionError(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
  if (!Array.isArray(docs)) docs = [docs];
  const doc = docs[0];
  if (!doc) throw new FunctionError('on line 1, column 1: missing start of document');
  const error = doc.errors[0];
  if (error) throw new FunctionError(describe(error));
  if (docs.length > 1) {
    // Reported on the last line of the first document.
    const start = docs[1]!.range?.[0] ?? 0;
    const line = Math.max(1, text.slice(0, start).split('\n').length - 1);
    throw new FunctionError(`on line ${line}, column 1: unexpected extra content after value`);
  }
  let budget = 1_000_000;
  const convert = (node: unknown, depth: number): TfValue => {
    if (--budget < 0 || depth > 256) throw new FunctionError('the document is too large or too deeply nested (aliases expand too much)');
    if (isAlias(node)) return convert(node.resolve(doc), depth + 1);
    if (isMap(node)) {
      const out: TfObject = {};
      for (const pair of node.items) {
        const key = convert(pair.key, depth + 1);
        out[key === null ? 'null' : typeof key === 'object' ? JSON.stringify(key) : String(key)] = convert(pair.value, depth + 1);
      }
      return out;
    }
    if (isSeq(node)) return node.items.map((item) => convert(item, depth + 1));
    if (isScalar(node)) return scalar(String(node.value ?? ''), node.type === 'PLAIN' ? node.tag : (node.tag ?? 'tag:yaml.org,2002:str'));
    return null;
  };
  return convert(doc.contents, 0);
}

function describe(error: YAMLParseError | { message: string }): string {
  if (error instanceof yamlLib().YAMLParseError) {
    const pos = error.linePos?.[0];
    return `on line ${pos?.line ?? 1}, column ${pos?.col ?? 1}: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`;
  }
  return error.message;
}

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2}):(\d{2})(\.\d*)?[ \t]*(Z|[-+]\d{1,2}(?::?\d{2})?)?)?$/;

function scalar(value: string, tag: string | null | undefined): TfValue {
  switch (tag) {
    case 'tag:yaml.org,2002:str':
      return value;
    case 'tag:yaml.org,2002:null':
      return null;
    case 'tag:yaml.org,2002:bool':
      if (TRUE.has(value)) return true;
      if (FALSE.has(value)) return false;
      throw new FunctionError(`cannot decode ${JSON.stringify(value)} as a bool`);
    case 'tag:yaml.org,2002:int':
    case 'tag:yaml.org,2002:float': {
      const n = number(value);
      if (n === undefined) throw new FunctionError(`cannot decode ${JSON.stringify(value)} as a number`);
      return n;
    }
    default:
      break;
  }
  if (NULLS.has(value)) return null;
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  const n = number(value);
  if (n !== undefined) return n;
  const t = TIMESTAMP.exec(value);
  if (t) return timestamp(t);
  return value;
}

function number(value: string): number | undefined {
  if (/^[-+]?\d+$/.test(value)) return Number(value.replace(/^\+/, ''));
  if (/^0x[0-9a-fA-F]+$/.test(value)) return Number.parseInt(value.slice(2), 16);
  if (/^[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?$/.test(value)) return Number(value);
  if (/^[-+]?\.(inf|Inf|INF)$/.test(value)) return value.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return undefined;
}

function timestamp(m: RegExpExecArray): string {
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const pad = (x: string, n = 2): string => x.padStart(n, '0');
  let offset = 'Z';
  if (zone && zone !== 'Z') {
    const z = /^([-+])(\d{1,2})(?::?(\d{2}))?$/.exec(zone)!;
    offset = z[2] === '0' && (z[3] ?? '00') === '00' ? 'Z' : `${z[1]}${pad(z[2]!)}:${z[3] ?? '00'}`;
  }
  const fraction = frac.replace(/0+$/, '');
  return `${pad(y!, 4)}-${pad(mo!)}-${pad(d!)}T${pad(h)}:${pad(mi)}:${pad(s)}${fraction === '.' ? '' : fraction}${offset}`;
}
