/**
 * Number helpers. iacpac numbers are IEEE doubles; cty's are 512-bit binary floats parsed from decimal
 * text. Two places where the difference shows are narrowed here: + - * on short decimals are computed
 * exactly (so `0.1 + 0.2` is 0.3, as in Terraform), and printf rounding uses the exact binary value
 * with ties to even, as Go's strconv does (`%.0f` of 2.5 is "2").
 */
import { doubleParts } from '../../core/exact-double.ts';

/** a op b, exact when both have short decimal forms. */
export function decimalArithmetic(a: number, b: number, op: '+' | '-' | '*'): number {
  const plain = op === '+' ? a + b : op === '-' ? a - b : a * b;
  if (Number.isInteger(a) && Number.isInteger(b)) return plain;
  const da = decimalParts(a);
  const db = decimalParts(b);
  if (!da || !db) return plain;
  if (op === '*') return Number(scaledToString(da.digits * db.digits, da.scale + db.scale));
  const scale = Math.max(da.scale, db.scale);
  const x = da.digits * 10n ** BigInt(scale - da.scale);
  const y = db.digits * 10n ** BigInt(scale - db.scale);
  return Number(scaledToString(op === '+' ? x + y : x - y, scale));
}

function decimalParts(n: number): { digits: bigint; scale: number } | undefined {
  if (!Number.isFinite(n)) return undefined;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(n));
  if (!m) return undefined;
  const frac = m[3] ?? '';
  return { digits: BigInt(`${m[1]}${m[2]}${frac}`), scale: frac.length };
}

function scaledToString(v: bigint, scale: number): string {
  const neg = v < 0n;
  const digits = (neg ? -v : v).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return neg ? `-${text}` : text;
}

/** The exact value of a finite double as numerator / 2^shift. */
function exactBinary(x: number): { num: bigint; shift: bigint } {
  const { mantissa: mant, exponent: e } = doubleParts(x);
  return e >= 0 ? { num: mant << BigInt(e), shift: 0n } : { num: mant, shift: BigInt(-e) };
}

/** round(|x| * 10^k) with ties to even, on the exact binary value. */
function roundScaled(x: number, k: number): bigint {
  const { num, shift } = exactBinary(x);
  let n = num;
  let d = 1n << shift;
  if (k >= 0) n *= 10n ** BigInt(k);
  else d *= 10n ** BigInt(-k);
  const q = n / d;
  const r = n % d;
  if (2n * r > d || (2n * r === d && q % 2n === 1n)) return q + 1n;
  return q;
}

/** Go's %.{prec}f of |x| (no sign). */
export function toFixedGo(x: number, prec: number): string {
  const q = roundScaled(x, prec).toString().padStart(prec + 1, '0');
  return prec === 0 ? q : `${q.slice(0, q.length - prec)}.${q.slice(q.length - prec)}`;
}

/** Go's %.{prec}e of |x| (no sign), exponent with at least two digits. */
export function toExponentialGo(x: number, prec: number): string {
  if (x === 0) return `${prec > 0 ? `0.${'0'.repeat(prec)}` : '0'}e+00`;
  let e = Math.floor(Math.log10(Math.abs(x)));
  let q = roundScaled(x, prec - e);
  if (q >= 10n ** BigInt(prec + 1)) {
    e += 1;
    q = roundScaled(x, prec - e);
  } else if (q < 10n ** BigInt(prec)) {
    e -= 1;
    q = roundScaled(x, prec - e);
  }
  const digits = q.toString();
  const mant = prec === 0 ? digits : `${digits[0]}.${digits.slice(1)}`;
  const sign = e < 0 ? '-' : '+';
  return `${mant}e${sign}${String(Math.abs(e)).padStart(2, '0')}`;
}
