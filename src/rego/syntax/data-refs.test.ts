import { describe, expect, it } from 'vitest';
import { dataRefs, packageMatches } from './data-refs.ts';
import { parseModule } from './parser.ts';

const refsOf = (body: string): string[][] => dataRefs(parseModule('m.rego', `package m\n\nimport rego.v1\n\n${body}\n`)).sort();

describe('dataRefs', () => {
  it.each([
    ['an import', 'import data.lib.tf as tf\n\np if tf.x', [['lib', 'tf']]],
    ['an import without alias', 'import data.lib.tf\n\np if tf.x', [['lib', 'tf']]],
    ['a ref in a body', 'p if data.a.b.c == 1', [['a', 'b', 'c']]],
    ['a ref cut at its first variable part', 'p if { some k; data.a[k].c == 1 }', [['a']]],
    ['a quoted key', 'p if data.a["b-c"].d', [['a', 'b-c', 'd']]],
    ['a number key ends the prefix', 'p if data.a[0]', [['a']]],
    ['bare data: everything', 'p := data', [[]]],
    ['a function call by its full name', 'p := data.lib.f(1)', [['lib', 'f']]],
    ['refs inside a ref key', 'p if data.a[data.b.c]', [['a'], ['b', 'c']]],
    ['a with target', 'p if data.a.q with data.b.r as 1', [['a', 'q'], ['b', 'r']]],
    ['rule heads, function arguments, else branches, comprehensions, every', [
      'f(x) := data.h.v if x == 1',
      'else := data.e.v',
      's contains data.k.v if true',
      'c := [y | some y in data.comp.xs]',
      'e if every z in data.ev.zs { z == data.inner.v }',
    ].join('\n'), [['comp', 'xs'], ['e', 'v'], ['ev', 'zs'], ['h', 'v'], ['inner', 'v'], ['k', 'v']]],
    ['input and local variables only', 'p if { x := input.a; x == 1 }', []],
  ])('%s', (_name, body, expected) => {
    expect(refsOf(body)).toEqual([...expected].sort());
  });
});

describe('packageMatches', () => {
  it('matches packages under or above a referenced path', () => {
    expect(packageMatches(['lib', 'tf'], [['lib', 'tf', 'x']])).toBe(true);
    expect(packageMatches(['lib', 'tf'], [['lib']])).toBe(true);
    expect(packageMatches(['lib', 'tf'], [[]])).toBe(true);
    expect(packageMatches(['lib', 'tf'], [['lib', 'iam'], ['aws']])).toBe(false);
    expect(packageMatches(['lib', 'tf'], [])).toBe(false);
  });
});
