/** OPA categories `types` and `conversions`, plus the deprecated cast_* builtins. */
import { BuiltinError } from './define-builtin.ts';
import { defineCategory } from './builtin.ts';
import { typeError } from './operands.ts';
import { normalizeNumber, RegoObject, RegoSet, typeName, type RegoValue } from '../value.ts';

const types = defineCategory('types');
const conversions = defineCategory('conversions');

/** Go strconv.ParseFloat decimal syntax (what OPA accepts in to_number); inf/nan are rejected separately. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Go also accepts hex floats, where underscores may separate digits. */
const HEX_FLOAT = /^[+-]?0[xX](?:[0-9a-fA-F_]+\.?[0-9a-fA-F_]*|\.[0-9a-fA-F_]+)(?:[pP][+-]?\d+)?$/;

/** Parses number text exactly: integers become bigint when large, everything else a float64. */
export function parseNumberText(text: string): RegoValue {
  if (/^[+-]?\d+$/.test(text)) return normalizeNumber(BigInt(text));
  const n = Number(text.replaceAll('_', ''));
  if (!Number.isFinite(n)) throw new BuiltinError(`strconv.ParseFloat: parsing ${JSON.stringify(text)}: value out of range`);
  return Number.isInteger(n) && !Number.isSafeInteger(n) ? normalizeNumber(BigInt(n)) : n;
}

export const typeBuiltins = [
  types('is_number', ([v]) => typeName(v!) === 'number'),
  types('is_string', ([v]) => typeof v === 'string'),
  types('is_boolean', ([v]) => typeof v === 'boolean'),
  types('is_array', ([v]) => Array.isArray(v)),
  types('is_set', ([v]) => v instanceof RegoSet),
  types('is_object', ([v]) => v instanceof RegoObject),
  types('is_null', ([v]) => v === null),
  types('type_name', ([v]) => typeName(v!)),
  conversions(
    'to_number',
    ([v]) => {
      if (v === null) return 0;
      if (typeof v === 'boolean') return v ? 1 : 0;
      if (typeof v === 'number' || typeof v === 'bigint') return v;
      if (typeof v === 'string') {
        if (/^[+-]?(inf|infinity|nan)$/i.test(v)) throw typeError(1, v, 'valid number string');
        if (!DECIMAL.test(v) && !HEX_FLOAT.test(v)) {
          throw new BuiltinError(`strconv.ParseFloat: parsing ${JSON.stringify(v)}: invalid syntax`);
        }
        if (HEX_FLOAT.test(v)) {
          const [mantissa, exponent] = v.replace(/^[+-]/, '').replaceAll('_', '').slice(2).split(/[pP]/);
          const [whole, fraction = ''] = mantissa!.split('.');
          const value = (parseInt(whole! || '0', 16) + (fraction ? parseInt(fraction, 16) / 16 ** fraction.length : 0)) * 2 ** Number(exponent ?? 0);
          return v.startsWith('-') ? -value : value;
        }
        return parseNumberText(v);
      }
      throw typeError(1, v ?? null, 'null', 'boolean', 'number', 'string');
    },
    { checkOperands: false },
  ),
  conversions('cast_array', ([v]) => {
    if (Array.isArray(v)) return v;
    if (v instanceof RegoSet) return v.sorted();
    throw typeError(1, v ?? null, 'array', 'set');
  }),
  conversions('cast_boolean', ([v]) => {
    if (typeof v !== 'boolean') throw typeError(1, v ?? null, 'boolean');
    return v;
  }),
  conversions('cast_null', ([v]) => {
    if (v !== null) throw typeError(1, v ?? null, 'null');
    return null;
  }),
  conversions('cast_object', ([v]) => {
    if (!(v instanceof RegoObject)) throw typeError(1, v ?? null, 'object');
    return v;
  }),
  conversions('cast_set', ([v]) => {
    if (v instanceof RegoSet) return v;
    if (Array.isArray(v)) return new RegoSet(v as readonly RegoValue[]);
    throw typeError(1, v ?? null, 'array', 'set');
  }),
  conversions('cast_string', ([v]) => {
    if (typeof v !== 'string') throw typeError(1, v ?? null, 'string');
    return v;
  }),
];
