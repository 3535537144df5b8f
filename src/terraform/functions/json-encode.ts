import { formatNumber, isWhollyKnown, Sensitive, sortedKeys, type TfValue, Unknown } from '../eval/value.ts';

/**
 * JSON text as Terraform's `jsonencode` writes it (Go encoding/json): object keys sorted, numbers in
 * cty's decimal form, and `<`, `>`, `&`, U+2028, U+2029 escaped as \u003c-style sequences.
 * The value must be wholly known.
 */
export function jsonEncode(v: TfValue): string {
  if (v instanceof Sensitive) return jsonEncode(v.value);
  if (v instanceof Unknown || !isWhollyKnown(v)) throw new Error('jsonEncode of an unknown value');
  if (v === null) return 'null';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map(jsonEncode).join(',')}]`;
  return `{${sortedKeys(v)
    .map((k) => `${quote(k)}:${jsonEncode(v[k]!)}`)
    .join(',')}}`;
}

const SHORT: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function quote(s: string): string {
  let out = '"';
  for (const c of s) {
    const code = c.codePointAt(0)!;
    const short = SHORT[c];
    if (short) out += short;
    else if (code < 0x20 || c === '<' || c === '>' || c === '&' || code === 0x2028 || code === 0x2029)
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return `${out}"`;
}
