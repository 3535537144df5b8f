/** OPA category `numbers`: plus, minus (also set difference), mul, div, rem, abs, round, ceil, floor, ranges, rand.intn. */
import { BuiltinError } from './define-builtin.ts';
import { fromDecimal, toDecimal } from './decimal.ts';
import { defineCategory } from './builtin.ts';
import { addNumbers, divideNumbers, multiplyNumbers, remainderNumbers, subtractNumbers } from './numeric.ts';
import { bigIntOperand, numberOperand, operandError, stringOperand, typeError } from './operands.ts';
import { isNumber, normalizeNumber, RegoSet, toBigInt, type RegoNumber, type RegoValue } from '../value.ts';

const builtin = defineCategory('numbers');

/** Maximum number of elements numbers.range may produce (bounds memory for hostile policies). */
const MAX_RANGE = 10_000_000;

function unary(op: (x: number) => number) {
  return ([v]: readonly RegoValue[]): RegoNumber => {
    const n = numberOperand(v, 1);
    if (typeof n === 'bigint') return n;
    const r = op(n);
    if (Object.is(r, -0)) return 0;
    if (Number.isSafeInteger(r) || !Number.isInteger(r)) return r;
    // Integral floats beyond 2^53 denote their decimal value (1e300 is 10^300).
    return fromDecimal(toDecimal(r)) ?? r;
  };
}

/** Round half away from zero (OPA's arithRound). */
const roundHalfAway = (x: number): number => (x < 0 ? -Math.floor(-x + 0.5) : Math.floor(x + 0.5));

function range(from: bigint, to: bigint, step: bigint): RegoValue[] {
  const count = (from > to ? from - to : to - from) / step + 1n;
  if (count > BigInt(MAX_RANGE)) throw new BuiltinError(`range too large (more than ${MAX_RANGE} elements)`);
  const out: RegoValue[] = [];
  if (from <= to) for (let i = from; i <= to; i += step) out.push(normalizeNumber(i));
  else for (let i = from; i >= to; i -= step) out.push(normalizeNumber(i));
  return out;
}

/** Deterministic 32-bit PRNG (mulberry32) seeded from a string, for rand.intn. */
function seededInt(seed: string, n: number): number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let t = (h += 0x6d2b79f5);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (((t ^ (t >>> 14)) >>> 0) / 4294967296) * n;
}

export const arithmeticBuiltins = [
  builtin('plus', ([a, b]) => addNumbers(numberOperand(a, 1), numberOperand(b, 2))),
  builtin(
    'minus',
    ([a, b]) => {
      if (isNumber(a) && isNumber(b)) return subtractNumbers(a, b);
      if (a instanceof RegoSet && b instanceof RegoSet) return new RegoSet([...a].filter((x) => !b.has(x)));
      if (!isNumber(a) && !(a instanceof RegoSet)) throw typeError(1, a ?? null, 'number', 'set');
      if (isNumber(a)) throw typeError(2, b ?? null, 'number');
      throw typeError(2, b ?? null, 'set');
    },
    { checkOperands: false },
  ),
  builtin('mul', ([a, b]) => multiplyNumbers(numberOperand(a, 1), numberOperand(b, 2))),
  builtin('div', ([a, b]) => divideNumbers(numberOperand(a, 1), numberOperand(b, 2))),
  builtin('rem', ([a, b]) => remainderNumbers(numberOperand(a, 1), numberOperand(b, 2))),
  builtin('abs', ([v]) => {
    const n = numberOperand(v, 1);
    return typeof n === 'bigint' ? (n < 0n ? normalizeNumber(-n) : n) : Math.abs(n);
  }),
  builtin('round', unary(roundHalfAway)),
  builtin('ceil', unary(Math.ceil)),
  builtin('floor', unary(Math.floor)),
  builtin('numbers.range', ([a, b]) => {
    const from = toBigInt(numberOperand(a, 1));
    if (from === undefined) throw operandError(1, 'must be integer number but got floating-point number');
    const to = toBigInt(numberOperand(b, 2));
    if (to === undefined) throw operandError(2, 'must be integer number but got floating-point number');
    return range(from, to, 1n);
  }),
  builtin('numbers.range_step', ([a, b, c]) => {
    const from = bigIntOperand(a, 1);
    const to = bigIntOperand(b, 2);
    const step = bigIntOperand(c, 3);
    if (step <= 0n) throw new BuiltinError('step must be a positive integer');
    return range(from, to, step);
  }),
  builtin('rand.intn', ([s, n], context) => {
    const seed = stringOperand(s, 1);
    const bound = bigIntOperand(n, 2);
    if (bound === 0n) return 0;
    const limit = bound < 0n ? -bound : bound;
    const key = `rand.intn:${JSON.stringify(seed)}:${limit}`;
    const cached = context.cache.get(key);
    if (cached !== undefined) return cached as RegoNumber;
    const salt = `${context.seed ?? 0}:${context.nowNs}:${seed}:${limit}`;
    const value = Math.floor(seededInt(salt, Number(limit > 4294967296n ? 4294967296n : limit)));
    context.cache.set(key, value);
    return value;
  }),
];

