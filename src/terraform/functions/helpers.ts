import { FunctionArgError, FunctionError } from './define-function.ts';
import type { TfValue } from '../eval/value.ts';

/** Created on first use: ICU's segmenter costs ~5 ms of start-up, and most runs never call a string function. */
let segmenter: Intl.Segmenter | undefined;

/** Splits text into grapheme clusters, as Terraform counts "characters" (length, substr, strrev). */
export function graphemes(s: string): string[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return Array.from(segmenter.segment(s), (x) => x.segment);
}

/** Limits the size of built strings/collections so bad input cannot exhaust memory. */
export const MAX_RESULT_LENGTH = 8 * 1024 * 1024;

export function checkLength(n: number): void {
  if (n > MAX_RESULT_LENGTH) throw new FunctionError(`the result would be longer than ${MAX_RESULT_LENGTH} elements or characters`);
}

export function argError(index: number, message: string): FunctionArgError {
  return new FunctionArgError(index, message);
}

/** gocty's message when a number does not fit a Go int. */
export const WHOLE_NUMBER = 'value must be a whole number, between -9223372036854775808 and 9223372036854775807';

export function isGoInt(n: number): boolean {
  return Number.isInteger(n) && Math.abs(n) <= 2 ** 63;
}

export function requireInteger(v: TfValue, index: number, what = 'value'): number {
  const n = v as number;
  if (!Number.isInteger(n)) throw argError(index, `${what} must be a whole number`);
  return n;
}
