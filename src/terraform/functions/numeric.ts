import type { TfValue } from '../eval/value.ts';
import { defineFunction, FunctionArgError, FunctionError, type TfFunction } from './define-function.ts';

const num = (v: TfValue): number => v as number;

/** cty numbers cannot hold NaN (Terraform fails the call). */
function finite(n: number): number {
  if (Number.isNaN(n)) throw new FunctionError('the result is not a number');
  return n;
}

export const numericFunctions: TfFunction[] = [
  defineFunction({ name: 'abs', impl: ([x]) => Math.abs(num(x!)) }),
  defineFunction({ name: 'ceil', impl: ([x]) => Math.ceil(num(x!)) + 0 }),
  defineFunction({ name: 'floor', impl: ([x]) => Math.floor(num(x!)) + 0 }),
  defineFunction({ name: 'log', impl: ([x, base]) => finite(Math.log(num(x!)) / Math.log(num(base!))) }),
  defineFunction({ name: 'pow', impl: ([x, y]) => finite(Math.pow(num(x!), num(y!))) }),
  defineFunction({
    name: 'signum',
    impl: ([x]) => {
      // cty reads the argument as a 64-bit integer.
      if (!Number.isInteger(num(x!)) || Math.abs(num(x!)) > 2 ** 63)
        throw new FunctionError('value must be a whole number, between -9223372036854775808 and 9223372036854775807');
      return Math.sign(num(x!)) + 0;
    },
  }),
  defineFunction({
    name: 'max',
    impl: (args) => {
      if (args.length === 0) throw new FunctionError('must pass at least one number');
      return args.map(num).reduce((a, b) => Math.max(a, b), -Infinity);
    },
  }),
  defineFunction({
    name: 'min',
    impl: (args) => {
      if (args.length === 0) throw new FunctionError('must pass at least one number');
      return args.map(num).reduce((a, b) => Math.min(a, b), Infinity);
    },
  }),
  defineFunction({
    name: 'parseint',
    impl: ([numArg, baseArg]) => {
      const base = num(baseArg!);
      if (!Number.isInteger(base) || base < 2 || base > 62)
        throw new FunctionArgError(1, 'base must be a whole number between 2 and 62 inclusive');
      if (typeof numArg !== 'string') throw new FunctionArgError(0, 'first argument must be a string, not ' + typeof numArg);
      return parseIntBase(numArg, base);
    },
  }),
];

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Go's big.Int SetString with an explicit base: optional sign, digits only; base <= 36 is case-insensitive. */
function parseIntBase(text: string, base: number): number {
  const fail = (): never => {
    throw new FunctionArgError(0, `cannot parse ${JSON.stringify(text)} as a base ${base} integer`);
  };
  let s = text;
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s.startsWith('-');
    s = s.slice(1);
  }
  if (s === '') fail();
  let value = 0n;
  const b = BigInt(base);
  for (const ch of s) {
    let d = DIGITS.indexOf(base <= 36 ? ch.toLowerCase() : ch);
    if (d < 0 || d >= base) fail();
    value = value * b + BigInt(d);
    d = 0;
  }
  return Number(negative ? -value : value);
}
