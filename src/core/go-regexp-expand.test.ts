import { describe, expect, it } from 'vitest';
import { goRegexpExpand } from './go-regexp-expand.ts';

// Submatches of `(?P<first>\w+) (\w+)` on "hello world": 0 = whole, 1 = first, 2 = the unnamed group.
const groups: Record<string | number, string> = { 0: 'hello world', 1: 'hello', 2: 'world', first: 'hello' };
const expand = (template: string) => goRegexpExpand(template, (reference) => groups[reference]);

describe('goRegexpExpand (Go regexp.Expand)', () => {
  it.each([
    ['$1-$2', 'hello-world'],
    ['${1}x', 'hellox'],
    ['$1x', ''], // the name is "1x", which no group has
    ['$first!', 'hello!'],
    ['${first}_', 'hello_'],
    ['$first_', ''], // "first_" is the name
    ['$$1', '$1'],
    ['$', '$'],
    ['a$', 'a$'],
    ['${', '${'],
    ['${1', '${1'],
    ['${}', '${}'],
    ['$-', '$-'],
    ['$01', ''], // a leading zero makes it a name, not group 1
    ['$0', 'hello world'],
    ['$9', ''],
    ['$é', ''], // Unicode letters belong to names, as in Go
    ['x${2}y$1', 'xworldyhello'],
  ])('%j expands to %j', (template, expected) => {
    expect(expand(template)).toBe(expected);
  });
});
