import { describe, expect, it } from 'vitest';
import { distinctValues, identityKey, markSensitive, Unknown, valuesIdentical, type TfValue } from './value.ts';

/** A deterministic generator of small values of every kind (seeded LCG), with repeats. */
function values(seed: number, count: number): TfValue[] {
  let state = seed;
  const next = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
  const make = (depth: number): TfValue => {
    switch (next(depth > 2 ? 6 : 9)) {
      case 0: return `s${next(4)}`;
      case 1: return next(3) - 1;
      case 2: return next(2) === 0;
      case 3: return null;
      case 4: return next(5) === 0 ? new Unknown() : '';
      case 5: return markSensitive(`s${next(4)}`);
      case 6: return Array.from({ length: next(3) }, () => make(depth + 1));
      case 7: return Object.fromEntries(Array.from({ length: next(3) }, () => [`k${next(3)}`, make(depth + 1)]));
      default: return { a: make(depth + 1), '"b': next(2) };
    }
  };
  return Array.from({ length: count }, () => make(0));
}

describe('distinctValues', () => {
  it('keeps the same values as the pairwise valuesIdentical rule, in the same order', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const items = values(seed, 60);
      const expected: TfValue[] = [];
      for (const x of items) if (!expected.some((o) => valuesIdentical(o, x))) expected.push(x);
      expect(distinctValues(items)).toEqual(expected);
    }
  });

  it('gives identical values one key and values holding an unknown none', () => {
    expect(identityKey({ b: [1, 'x'], a: null })).toBe(identityKey({ a: null, b: [1, 'x'] }));
    expect(identityKey(['1'])).not.toBe(identityKey([1]));
    expect(identityKey(markSensitive('x'))).toBe(identityKey('x'));
    expect(identityKey({ a: [new Unknown()] })).toBeUndefined();
    expect(identityKey(-0)).toBe(identityKey(0));
  });

  it('is linear: 200,000 strings with repeats', () => {
    const items = Array.from({ length: 200_000 }, (_, i) => `n${i % 50_000}`);
    expect(distinctValues(items)).toHaveLength(50_000);
  });
});
