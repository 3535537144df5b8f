/**
 * Number arithmetic with OPA's semantics: integers are exact (bigint when needed); with a non-integer operand the
 * operation is done exactly on the decimal forms and rounded once (decimal.ts), so results match OPA's
 * arbitrary-precision arithmetic (`0.1 + 0.2 == 0.3`). Results go through `normalizeNumber`.
 */
import { BuiltinError } from './define-builtin.ts';
import { addDecimal, divideDecimal, fromDecimal, multiplyDecimal, subtractDecimal, toDecimal, type Decimal } from './decimal.ts';
import { normalizeNumber, type RegoNumber } from '../value.ts';

type IntOp = (a: bigint, b: bigint) => bigint;
type FloatOp = (a: number, b: number) => number;
type DecimalOp = (a: Decimal, b: Decimal) => Decimal;

/**
 * A number as an exact integer: bigints and safe integers. A JS number beyond 2^53 came from float text such as
 * `1e300`, so it goes through its decimal form instead (10^300, not the binary approximation).
 */
function exactInteger(n: RegoNumber): bigint | undefined {
  if (typeof n === 'bigint') return n;
  return Number.isSafeInteger(n) ? BigInt(n) : undefined;
}

/** The exact integer a number denotes, through its decimal form for floats beyond 2^53; undefined for fractions. */
function integerValue(n: RegoNumber): bigint | undefined {
  const exact = exactInteger(n);
  if (exact !== undefined) return exact;
  const value = fromDecimal(toDecimal(n));
  return typeof value === 'bigint' ? value : typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : undefined;
}

function decimalResult(d: Decimal): RegoNumber {
  const n = fromDecimal(d);
  if (n === undefined) throw new BuiltinError('arithmetic result out of range');
  return n;
}

function binary(a: RegoNumber, b: RegoNumber, intOp: IntOp, floatOp: FloatOp, decimalOp: DecimalOp): RegoNumber {
  if (typeof a === 'number' && typeof b === 'number' && Number.isInteger(a) && Number.isInteger(b)) {
    const r = floatOp(a, b);
    if (Number.isSafeInteger(r)) return r;
  }
  const ai = exactInteger(a);
  const bi = exactInteger(b);
  if (ai !== undefined && bi !== undefined) return normalizeNumber(intOp(ai, bi));
  return decimalResult(decimalOp(toDecimal(a), toDecimal(b)));
}

export const addNumbers = (a: RegoNumber, b: RegoNumber): RegoNumber => binary(a, b, (x, y) => x + y, (x, y) => x + y, addDecimal);
export const subtractNumbers = (a: RegoNumber, b: RegoNumber): RegoNumber => binary(a, b, (x, y) => x - y, (x, y) => x - y, subtractDecimal);
export const multiplyNumbers = (a: RegoNumber, b: RegoNumber): RegoNumber => binary(a, b, (x, y) => x * y, (x, y) => x * y, multiplyDecimal);

/** Division: exact when the quotient is an integer, float otherwise; `divide by zero` on 0. */
export function divideNumbers(a: RegoNumber, b: RegoNumber): RegoNumber {
  if (Number(b) === 0 && (typeof b === 'number' || b === 0n)) throw new BuiltinError('divide by zero');
  const ai = exactInteger(a);
  const bi = exactInteger(b);
  if (ai !== undefined && bi !== undefined && ai % bi === 0n) return normalizeNumber(ai / bi);
  return decimalResult(divideDecimal(toDecimal(a), toDecimal(b)));
}

/** Remainder with truncated division (Go's big.Int Rem); only on integers. */
export function remainderNumbers(a: RegoNumber, b: RegoNumber): RegoNumber {
  const ai = integerValue(a);
  const bi = integerValue(b);
  if (ai === undefined || bi === undefined) throw new BuiltinError('modulo on floating-point number');
  if (bi === 0n) throw new BuiltinError('modulo by zero');
  return normalizeNumber(ai % bi);
}
