/** OPA category `units`: units.parse (SI, binary and milli units, exact rationals) and units.parse_bytes. */
import { BuiltinError } from './define-builtin.ts';
import { defineCategory } from './builtin.ts';
import { stringOperand } from './operands.ts';
import { normalizeNumber, type RegoNumber } from '../value.ts';

const builtin = defineCategory('units');

const MAX_EXPONENT_DIGITS = 6;

/** Splits "10.5Mi" into number text and unit (OPA's extractNumAndUnit); undefined when an exponent is too long. */
function splitAmount(s: string): { num: string; unit: string } | undefined {
  const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
  let first = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (!isDigit(c) && c !== '.' && c !== 'e' && c !== 'E' && c !== '+' && c !== '-') {
      first = i;
      break;
    }
    if (c === 'e' || c === 'E') {
      const next = s[i + 1];
      if (i === s.length - 1 || (!isDigit(next) && next !== '+' && next !== '-')) {
        first = i;
        break;
      }
      if (next === '+' || next === '-') i++;
      let end = i + 1;
      while (end < s.length && isDigit(s[end])) end++;
      if (end - (i + 1) > MAX_EXPONENT_DIGITS) return undefined;
    }
  }
  if (first === -1) return { num: s, unit: '' };
  if (first === 0) return { num: '', unit: s };
  return { num: s.slice(0, first), unit: s.slice(first) };
}

interface Rational {
  n: bigint;
  d: bigint;
}

/** Decimal text (with optional sign, fraction and exponent) -> exact rational; undefined if malformed. */
function parseRational(text: string): Rational | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const fraction = m[3] ?? '';
  let n = BigInt((m[2] || '0') + fraction);
  let d = 10n ** BigInt(fraction.length);
  const exp = Number(m[4] ?? 0);
  if (exp > 0) n *= 10n ** BigInt(exp);
  else if (exp < 0) d *= 10n ** BigInt(-exp);
  if (m[1] === '-') n = -n;
  return { n, d };
}

function rationalToNumber({ n, d }: Rational): RegoNumber {
  if (n % d === 0n) return normalizeNumber(n / d);
  // OPA prints FloatString(10): round half away from zero at 10 decimals.
  const scaled = (n * 10n ** 10n * 2n + (n < 0n ? -d : d)) / (2n * d);
  return Number(scaled) / 1e10;
}

const K = 1024n;
const UNITS: Record<string, bigint | 'milli'> = {
  '': 1n,
  m: 'milli',
  k: 1000n,
  K: 1000n,
  ki: K,
  Ki: K,
  M: 1000n ** 2n,
  mi: K ** 2n,
  Mi: K ** 2n,
  g: 1000n ** 3n,
  G: 1000n ** 3n,
  gi: K ** 3n,
  Gi: K ** 3n,
  t: 1000n ** 4n,
  T: 1000n ** 4n,
  ti: K ** 4n,
  Ti: K ** 4n,
  p: 1000n ** 5n,
  P: 1000n ** 5n,
  pi: K ** 5n,
  Pi: K ** 5n,
  e: 1000n ** 6n,
  E: 1000n ** 6n,
  ei: K ** 6n,
  Ei: K ** 6n,
};

const BYTE_UNITS: Record<string, bigint> = {
  '': 1n,
  kb: 1000n,
  k: 1000n,
  kib: K,
  ki: K,
  mb: 1000n ** 2n,
  m: 1000n ** 2n,
  mib: K ** 2n,
  mi: K ** 2n,
  gb: 1000n ** 3n,
  g: 1000n ** 3n,
  gib: K ** 3n,
  gi: K ** 3n,
  tb: 1000n ** 4n,
  t: 1000n ** 4n,
  tib: K ** 4n,
  ti: K ** 4n,
  pb: 1000n ** 5n,
  p: 1000n ** 5n,
  pib: K ** 5n,
  pi: K ** 5n,
  eb: 1000n ** 6n,
  e: 1000n ** 6n,
  eib: K ** 6n,
  ei: K ** 6n,
};

export const unitsBuiltins = [
  builtin('units.parse', ([v]) => {
    const s = stringOperand(v, 1).replaceAll('"', '');
    if (s.includes(' ')) throw new BuiltinError('spaces not allowed in resource strings');
    const parts = splitAmount(s);
    if (!parts) throw new BuiltinError('exponent too large');
    if (parts.num === '') throw new BuiltinError('no amount provided');
    const unit = parts.unit.length > 1 ? parts.unit[0] + parts.unit.slice(1).toLowerCase() : parts.unit;
    const factor = Object.hasOwn(UNITS, unit) ? UNITS[unit] : undefined;
    if (factor === undefined) throw new BuiltinError(`unit ${unit} not recognized`);
    const amount = parseRational(parts.num);
    if (!amount) throw new BuiltinError('could not parse amount to a number');
    const value = factor === 'milli' ? { n: amount.n, d: amount.d * 1000n } : { n: amount.n * factor, d: amount.d };
    return rationalToNumber(value);
  }),
  builtin('units.parse_bytes', ([v]) => {
    const s = stringOperand(v, 1).toLowerCase().replaceAll('"', '');
    if (s.includes(' ')) throw new BuiltinError('spaces not allowed in resource strings');
    const parts = splitAmount(s);
    if (!parts) throw new BuiltinError('exponent too large');
    if (parts.num === '') throw new BuiltinError('no byte amount provided');
    const factor = Object.hasOwn(BYTE_UNITS, parts.unit) ? BYTE_UNITS[parts.unit] : undefined;
    if (factor === undefined) throw new BuiltinError(`byte unit ${parts.unit} not recognized`);
    const amount = parseRational(parts.num);
    if (!amount) throw new BuiltinError('could not parse byte amount to a number');
    return normalizeNumber((amount.n * factor) / amount.d);
  }),
];
