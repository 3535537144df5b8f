import { describe, expect, it } from 'vitest';
import { formatFloat, goSprintf, type GoArg } from './go-fmt.ts';

const int = (n: number | bigint): GoArg => ({ kind: 'int', value: BigInt(n) });
const big = (n: bigint): GoArg => ({ kind: 'bigint', value: n });
const float = (n: number): GoArg => ({ kind: 'float', value: n });
const str = (s: string): GoArg => ({ kind: 'string', value: s });

// Expected strings are what Go's fmt.Sprintf prints for the same format and Go values.
const cases: Array<[string, GoArg[], string]> = [
  ['hi %.2f', [float(3.1415)], 'hi 3.14'],
  ['hi %02X.%02X', [int(127), int(1)], 'hi 7F.01'],
  ['%5d|%-5d|%05d|%+d|% d', [int(42), int(42), int(-42), int(7), int(7)], '   42|42   |-0042|+7| 7'],
  ['%x %X %o %O %b %#x %#o', [int(255), int(255), int(8), int(8), int(5), int(255), int(8)], 'ff FF 10 0o10 101 0xff 010'],
  ['%c%c %q %U', [int(72), int(105), int(65), int(0x1f600)], "Hi 'A' U+1F600"],
  ['%.3d|%8.3f|%-8.2e|', [int(7), float(3.14159), float(1234.5)], '007|   3.142|1.23e+03|'],
  ['%v %v %v %v', [float(1e6), float(123456789.5), float(0.00001), float(0.5)], '1e+06 1.234567895e+08 1e-05 0.5'],
  ['%g %G %e', [float(1e21), float(1e-7), float(0)], '1e+21 1E-07 0.000000e+00'],
  ['%s|%10s|%-10s|%.2s', [str('go'), str('right'), str('left'), str('truncate')], 'go|     right|left      |tr'],
  ['%q %x % x %X', [str('a"b\n'), str('hi'), str('hi'), str('hi')], '"a\\"b\\n" 6869 68 69 6869'],
  ['%T %T %T %T', [int(1), big(2n ** 70n), float(1.5), str('s')], 'int *big.Int float64 string'],
  ['%d %s %v', [big(2n ** 70n), big(2n ** 70n), big(-(2n ** 70n))], '1180591620717411303424 1180591620717411303424 -1180591620717411303424'],
  ['%d', [str('x')], '%!d(string=x)'],
  ['%s', [int(5)], '%!s(int=5)'],
  ['%f', [int(5)], '%!f(int=5)'],
  ['%d %d', [int(1)], '1 %!d(MISSING)'],
  ['%d', [int(1), str('extra'), float(2.5)], '1%!(EXTRA string=extra, float64=2.5)'],
  ['%[2]d %[1]d', [int(1), int(2)], '2 1'],
  ['%*d|%-*d|', [int(4), int(7), int(3), int(8)], '   7|8  |'],
  ['100%%', [], '100%'],
  ['%!', [], '%!!(MISSING)'],
  ['trailing %', [], 'trailing %!(NOVERB)'],
  ['%.2f %.2f %.1f %.0f %.3e', [float(0.125), float(0.375), float(0.25), float(0.5), float(1.0005)], '0.12 0.38 0.2 0 1.000e+00'],
];

describe('goSprintf', () => {
  it.each(cases.map(([format, args, want]) => ({ format, args, want })))('$format', ({ format, args, want }) => {
    expect(goSprintf(format, args)).toBe(want);
  });

  it('refuses absurd widths instead of allocating them', () => {
    expect(() => goSprintf('%999999999d', [int(1)])).toThrow(RangeError);
  });
});

describe('formatFloat', () => {
  it.each([
    [1.5, 'f', 3, '1.500'],
    [2.5, 'e', 0, '2e+00'],
    [100, 'g', undefined, '100'],
    [1234567, 'g', undefined, '1.234567e+06'],
    [Infinity, 'g', undefined, '+Inf'],
    [Number.NaN, 'f', 2, 'NaN'],
  ] as const)('%s %s %s', (value, verb, precision, want) => {
    expect(formatFloat(value, verb, precision)).toBe(want);
  });
});
