import { describe, expect, it } from 'vitest';
import { parseNumber } from './number.ts';

describe('parseNumber', () => {
  it.each([
    ['0', 0],
    ['-12', -12],
    ['3.25', 3.25],
    ['1e3', 1000],
    ['9007199254740993', 9007199254740993n],
    ['18446744073709551614', 18446744073709551614n],
    ['1e30', 10n ** 30n],
    ['2e308', 2n * 10n ** 308n],
    ['1.5e20', 15n * 10n ** 19n],
    ['1.25e-3', 0.00125],
  ])('%s', (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });
});
