/**
 * Number arithmetic with OPA's semantics: integers are exact (bigint when needed), anything with a fraction is a
 * float64. Results go through `normalizeNumber` so safe integers stay JS numbers.
 */
import { BuiltinError } from './define-builtin.ts';
import { normalizeNumber, toBigInt, type RegoNumber } from '../value.ts';

type IntOp = (a: bigint, b: bigint) => bigint;
type FloatOp = (a: number, b: number) => number;

function finite(n: number): RegoNumber {
  if (!Number.isFinite(n)) throw new BuiltinError('arithmetic result out of range');
  if (Number.isInteger(n) && !Number.isSafeInteger(n)) return normalizeNumber(BigInt(n));
  return n;
}

function binary(a: RegoNumber, b: RegoNumber, intOp: IntOp, floatOp: FloatOp): RegoNumber {
  if (typeof a === 'number' && typeof b === 'number' && Number.isInteger(a) && Number.isInteger(b)) {
    const r = floatOp(a, b);
    if (Number.isSafeInteger(r)) return r;
  }
  const ai = toBigInt(a);
  const bi = toBigInt(b);
  if (ai !== undefined && bi !== undefined) return normalizeNumber(intOp(ai, bi));
  return finite(floatOp(Number(a), Number(b)));
}

export const addNumbers = (a: RegoNumber, b: RegoNumber): RegoNumber => binary(a, b, (x, y) => x + y, (x, y) => x + y);
export const subtractNumbers = (a: RegoNumber, b: RegoNumber): RegoNumber => binary(a, b, (x, y) => x - y, (x, y) => x - y);
export const multiplyNumbers = (a: RegoNumber, b: RegoNumber): RegoNumber => binary(a, b, (x, y) => x * y, (x, y) => x * y);

/** Division: exact when the quotient is an integer, float otherwise; `divide by zero` on 0. */
export function divideNumbers(a: RegoNumber, b: RegoNumber): RegoNumber {
  if (Number(b) === 0 && (typeof b === 'number' || b === 0n)) throw new BuiltinError('divide by zero');
  const ai = toBigInt(a);
  const bi = toBigInt(b);
  if (ai !== undefined && bi !== undefined && ai % bi === 0n) return normalizeNumber(ai / bi);
  return finite(Number(a) / Number(b));
}

/** Remainder with truncated division (Go's big.Int Rem); only on integers. */
export function remainderNumbers(a: RegoNumber, b: RegoNumber): RegoNumber {
  const ai = toBigInt(a);
  const bi = toBigInt(b);
  if (ai === undefined || bi === undefined) throw new BuiltinError('modulo on floating-point number');
  if (bi === 0n) throw new BuiltinError('modulo by zero');
  return normalizeNumber(ai % bi);
}

export function negateNumber(a: RegoNumber): RegoNumber {
  return typeof a === 'bigint' ? normalizeNumber(-a) : a === 0 ? 0 : -a;
}

/** Converts a JS float that may be integral and huge to a canonical Rego number. */
export function canonicalNumber(n: number | bigint): RegoNumber {
  return typeof n === 'bigint' ? normalizeNumber(n) : finite(n);
}
