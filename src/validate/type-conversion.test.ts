import { describe, expect, it } from 'vitest';
import type { CtyType } from '../schema/provider-schema.ts';
import { editDistance, nameSuggestion } from './did-you-mean.ts';
import type { StaticValue } from './static-value.ts';
import { conversionError, conversionErrorWithPath } from './type-conversion.ts';

const str = (value?: string): StaticValue => (value === undefined ? { kind: 'string' } : { kind: 'string', value });
const num: StaticValue = { kind: 'number', value: '1' };
const bool: StaticValue = { kind: 'bool', value: true };
const tuple = (...items: StaticValue[]): StaticValue => ({ kind: 'tuple', items });
const object = (entries: Record<string, StaticValue>): StaticValue => ({ kind: 'object', entries: Object.entries(entries).map(([key, value]) => ({ key, value })) });

describe('conversionError (cty conversion messages)', () => {
  it.each<[string, StaticValue, CtyType, string | undefined]>([
    ['number to string', num, 'string', undefined],
    ['bool to string', bool, 'string', undefined],
    ['tuple to string', tuple(str('a')), 'string', 'string required'],
    ['numeric string to number', str('1e3'), 'number', undefined],
    ['other string to number', str('eighty'), 'number', 'a number is required'],
    ['unknown string to number', str(), 'number', undefined],
    ['bool to number', bool, 'number', 'number required'],
    ['"1" to bool', str('1'), 'bool', undefined],
    ['"True" to bool', str('True'), 'bool', 'a bool is required; to convert from string, use lowercase "true"'],
    ['"yes" to bool', str('yes'), 'bool', 'a bool is required'],
    ['number to bool', num, 'bool', 'bool required'],
    ['string to list', str('x'), ['list', 'string'], 'list of string required'],
    ['nested tuple element', tuple(str('a'), tuple(str('b'))), ['set', 'string'], 'element 1: string required'],
    ['map element', object({ Obj: object({ a: num }) }), ['map', 'string'], 'element "Obj": string required'],
    ['value-level element failure has no path', tuple(str('1'), str('x')), ['list', 'number'], 'a number is required'],
    ['object missing one attribute', object({}), ['object', { a: 'string' }], 'attribute "a" is required'],
    ['object missing two attributes', object({}), ['object', { a: 'string', b: 'string' }], 'attributes "a" and "b" are required'],
    ['object missing three attributes', object({}), ['object', { c: 'string', a: 'string', b: 'string' }], 'attributes "a", "b", and "c" are required'],
    ['object extra attributes are dropped', object({ a: str('x'), extra: num }), ['object', { a: 'string' }], undefined],
    ['optional attribute may be absent', object({}), ['object', { a: 'string' }, ['a']], undefined],
    ['dynamic accepts anything', tuple(), 'dynamic', undefined],
    ['null converts to anything', { kind: 'null' }, 'number', undefined],
  ])('%s', (_name, value, type, message) => {
    expect(conversionError(value, type)).toBe(message);
  });

  it.each<[StaticValue, CtyType, string]>([
    [object({ a: str('b') }), ['map', 'number'], '["a"]: a number is required'],
    [tuple(str('1'), str('x')), ['list', 'number'], '[1]: a number is required'],
    [object({ n: str('x') }), ['object', { n: 'number' }], '.n: a number is required'],
  ])('prefixes value-level failures with their path for variables: %j', (value, type, message) => {
    expect(conversionErrorWithPath(value, type)).toBe(message);
  });
});

describe('did you mean', () => {
  it.each([
    ['instance_typo', ['ami', 'instance_type'], 'instance_type'],
    ['buckt', ['bucket', 'bucket_prefix'], 'bucket'],
    ['foo_bar_baz', ['ami', 'instance_type'], undefined],
  ])('%s among %j -> %s', (given, candidates, expected) => {
    expect(nameSuggestion(given, candidates)).toBe(expected);
  });

  it('measures edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
