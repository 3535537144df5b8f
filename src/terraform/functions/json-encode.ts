import { goJsonString as quote } from '../../core/go-json-string.ts';
import { formatNumber, isWhollyKnown, Sensitive, sortedKeys, type TfValue, Unknown } from '../eval/value.ts';

/**
 * JSON text as Terraform's `jsonencode` writes it (Go encoding/json): object keys sorted, numbers in
 * cty's decimal form, strings escaped by `core/go-json-string.ts` (`<`, `>`, `&`, U+2028, U+2029 as \u003c-style
 * sequences, \b and \f short as Terraform 1.11.4 writes them).
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

