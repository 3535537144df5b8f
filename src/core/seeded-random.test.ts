import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.ts';

describe('seededRandom (mulberry32)', () => {
  it('gives the same sequence for a seed, in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('matches the reference mulberry32 output for seed 1', () => {
    // mulberry32(1) → 0.6270739405881613, 0.002735721180215478, 0.5274470399599522 (the reference C/JS implementation)
    const next = seededRandom(1);
    expect([next(), next(), next()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
  });
});
