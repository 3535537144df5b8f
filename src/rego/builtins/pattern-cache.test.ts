import { describe, expect, it } from 'vitest';
import { PatternCache, sharedPatterns } from './pattern-cache.ts';
import { callBuiltin } from './call-builtin.test-helper.ts';

describe('PatternCache', () => {
  it('drops the least recently used pattern when full', () => {
    const cache = new PatternCache(3);
    let compiled = 0;
    const get = (key: string): string => cache.get(key, () => (compiled++, `compiled ${key}`));
    get('a');
    get('b');
    get('c');
    expect(get('a')).toBe('compiled a'); // a hit: a is now the most recently used
    get('d'); // full: b (least recently used) goes, not a (inserted first)
    expect(cache.keys()).toEqual(['c', 'a', 'd']);
    expect(compiled).toBe(4);
    get('a');
    expect(compiled).toBe(4);
    get('b'); // compiled again; c goes
    expect(compiled).toBe(5);
    expect(cache.keys()).toEqual(['d', 'a', 'b']);
  });

  it('does not cache a compile that throws', () => {
    const cache = new PatternCache(2);
    expect(() =>
      cache.get('bad', () => {
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(cache.size).toBe(0);
  });

  it('regex.template_match stores its pattern once', () => {
    const template = `urn:${Math.random()}:{[a-z]+}`;
    const before = sharedPatterns.size;
    expect(callBuiltin('regex.template_match', [template, 'x', '{', '}'])).toBe(false);
    expect(sharedPatterns.size - before).toBe(1);
    expect(sharedPatterns.keys().at(-1)).toBe(`regex.template:{:}:${template}`);
  });
});
