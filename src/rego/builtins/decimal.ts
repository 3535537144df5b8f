/**
 * Exact decimal arithmetic for non-integer Rego numbers. OPA computes with arbitrary-precision floats starting from
 * the numbers' decimal text, so `0.1 + 0.2 == 0.3` holds in Rego; doing the operation exactly on the shortest
 * decimal forms and rounding once to float64 reproduces that.
 */
import { normalizeNumber, type RegoNumber } from '../value.ts';

/** value = mantissa * 10^-scale (scale may be negative). */
export interface Decimal {
  readonly mantissa: bigint;
  readonly scale: number;
}

/** Significant digits kept for quotients (float64 needs 17). */
const QUOTIENT_DIGITS = 40;

export function toDecimal(n: RegoNumber): Decimal {
  if (typeof n === 'bigint') return { mantissa: n, scale: 0 };
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(n));
  if (!m) return { mantissa: 0n, scale: 0 };
  const fraction = m[3] ?? '';
  const mantissa = BigInt(`${m[1]}${m[2]}${fraction}`);
  return { mantissa, scale: fraction.length - Number(m[4] ?? 0) };
}

const pow10 = (k: number): bigint => 10n ** BigInt(k);

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.mantissa * pow10(scale - a.scale), b.mantissa * pow10(scale - b.scale), scale];
}

/** The Rego number closest to a decimal: exact integers stay exact, everything else rounds once to float64. */
export function fromDecimal(d: Decimal): RegoNumber | undefined {
  if (d.scale <= 0) return normalizeNumber(d.mantissa * pow10(-d.scale));
  const unit = pow10(d.scale);
  if (d.mantissa % unit === 0n) return normalizeNumber(d.mantissa / unit);
  const n = Number(`${d.mantissa}e${-d.scale}`);
  return Number.isFinite(n) ? n : undefined;
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { mantissa: x + y, scale };
}

export function subtractDecimal(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { mantissa: x - y, scale };
}

export function multiplyDecimal(a: Decimal, b: Decimal): Decimal {
  return { mantissa: a.mantissa * b.mantissa, scale: a.scale + b.scale };
}

/** a / b to QUOTIENT_DIGITS significant digits (b must not be zero). */
export function divideDecimal(a: Decimal, b: Decimal): Decimal {
  const digits = (x: bigint): number => (x < 0n ? -x : x).toString().length;
  const extra = Math.max(0, QUOTIENT_DIGITS - digits(a.mantissa) + digits(b.mantissa));
  const quotient = (a.mantissa * pow10(extra)) / b.mantissa;
  return { mantissa: quotient, scale: a.scale - b.scale + extra };
}
