import { describe, expect, it } from 'vitest';
import { addNumbers, divideNumbers, multiplyNumbers, remainderNumbers, subtractNumbers } from './numeric.ts';
import type { RegoNumber } from '../value.ts';

const ops = { plus: addNumbers, minus: subtractNumbers, mul: multiplyNumbers, div: divideNumbers, rem: remainderNumbers };

// OPA computes from the numbers' decimal text with arbitrary precision; results are exact integers or the float64
// nearest to the exact decimal result.
describe('Rego arithmetic', () => {
  it.each([
    ['plus', 0.1, 0.2, 0.3],
    ['minus', 0.3, 0.1, 0.2],
    ['mul', 1.1, 1.1, 1.21],
    ['div', 0.3, 0.1, 3],
    ['div', 1, 3, 0.3333333333333333],
    ['div', 7, 2, 3.5],
    ['div', -7, 2, -3.5],
    ['plus', 9007199254740991, 1, 9007199254740992n],
    ['mul', 1e20, 1.5, 150000000000000000000n],
    ['mul', 1e300, 1e10, 10n ** 310n],
    ['div', 1e109, 1e100, 1000000000],
    ['minus', 18446744073709551616n, 1, 18446744073709551615n],
    ['rem', -7, 3, -1],
    ['rem', 10, 18446744073709551616n, 10],
    ['rem', 1e20, 7, 2],
    ['mul', 1e308, 1.5, 15n * 10n ** 307n],
  ] as Array<[keyof typeof ops, RegoNumber, RegoNumber, RegoNumber]>)('%s(%s, %s) = %s', (op, a, b, want) => {
    expect(ops[op](a, b)).toBe(want);
  });

  it.each([
    ['div', 1, 0, 'divide by zero'],
    ['div', 1.5, 0.0, 'divide by zero'],
    ['rem', 1, 0, 'modulo by zero'],
    ['rem', 1.5, 1, 'modulo on floating-point number'],
  ] as Array<[keyof typeof ops, RegoNumber, RegoNumber, string]>)('%s(%s, %s) fails: %s', (op, a, b, message) => {
    expect(() => ops[op](a, b)).toThrow(message);
  });
});
