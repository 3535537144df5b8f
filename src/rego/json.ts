/**
 * JSON text -> Rego value without losing integer precision: `JSON.parse` when no integer literal needs more than 53
 * bits, else the exact parser of OPA's json builtins (`builtins/json-text.ts`: integers beyond 2^53 become bigint).
 */
import { parseJson } from './builtins/json-text.ts';
import { fromJS, type RegoValue } from './value.ts';

const BIG_INT = /(?<![\d.eE+-])-?\d{16,}(?![\d.eE])/;

export function parseJSON(text: string): RegoValue {
  if (!BIG_INT.test(text)) return fromJS(JSON.parse(text));
  return parseJson(text);
}
