/** OPA category `bits`: bitwise operations on arbitrary-precision integers (two's complement, like Go's big.Int). */
import { defineCategory } from './builtin.ts';
import { bigIntOperand, operandError } from './operands.ts';
import { normalizeNumber, type RegoValue } from '../value.ts';

const builtin = defineCategory('bits');

/** Shifts beyond this many bits would allocate gigantic integers; OPA would too, we refuse instead. */
const MAX_SHIFT = 1n << 20n;

function shiftAmount(v: RegoValue | undefined): bigint {
  const n = bigIntOperand(v, 2);
  if (n < 0n) throw operandError(2, 'must be an unsigned integer number but got a negative integer');
  if (n > MAX_SHIFT) throw operandError(2, `must be at most ${MAX_SHIFT} (shift too large)`);
  return n;
}

export const bitsBuiltins = [
  builtin('bits.and', ([a, b]) => normalizeNumber(bigIntOperand(a, 1) & bigIntOperand(b, 2))),
  builtin('bits.or', ([a, b]) => normalizeNumber(bigIntOperand(a, 1) | bigIntOperand(b, 2))),
  builtin('bits.xor', ([a, b]) => normalizeNumber(bigIntOperand(a, 1) ^ bigIntOperand(b, 2))),
  builtin('bits.negate', ([a]) => normalizeNumber(~bigIntOperand(a, 1))),
  builtin('bits.lsh', ([a, b]) => {
    const x = bigIntOperand(a, 1);
    return normalizeNumber(x << shiftAmount(b));
  }),
  builtin('bits.rsh', ([a, b]) => {
    const x = bigIntOperand(a, 1);
    return normalizeNumber(x >> shiftAmount(b));
  }),
];
