import { describe, expect, it } from 'vitest';
import { fromJSLazy } from './lazy-value.ts';
import { compare, equals, fromJS, hashValue, RegoObject, RegoSet, toJS, valueKey, type RegoValue } from './value.ts';

describe('Rego value keys', () => {
  it('never confuses a string with a composite value whose canonical text it spells', () => {
    const array: RegoValue = ['a'];
    const object = new RegoObject([['a', 1]]);
    const set = new RegoSet(['a']);
    const spelled = [valueKey(array), valueKey(object), valueKey(set), `\u0001${valueKey(array)}`, '\u0001', '\u0001\u0001'];
    const all = new RegoSet([array, object, set, ...spelled]);
    expect(all.size).toBe(3 + spelled.length);
    for (const text of spelled) {
      expect(all.has(text)).toBe(true);
      expect(equals(text, array) || equals(text, object) || equals(text, set)).toBe(false);
    }
    const byKey = new RegoObject([[array, 'array'], [valueKey(array), 'text']]);
    expect(byKey.get(['a'])).toBe('array');
    expect(byKey.get(valueKey(array))).toBe('text');
  });

  it('keys equal numbers alike (1 and 1.0, an integer beyond 2^53 as a float or a bigint) and other types apart', () => {
    const set = new RegoSet([1, 1.0, 2 ** 60, 2n ** 60n, 0, -0, '1', true, null, 'null', 'true']);
    expect(set.size).toBe(8);
    expect(equals(2 ** 60, 2n ** 60n)).toBe(true);
    expect(equals(1, '1')).toBe(false);
    expect(new RegoObject([[2n ** 60n, 'x']]).get(2 ** 60)).toBe('x');
  });

  it('keeps insertion order, the first place and the last value of equal elements, at every size', () => {
    for (let n = 1; n <= 20; n++) {
      const added: RegoValue[] = [];
      for (let i = 0; i < n; i++) added.push(i % 3 === 0 ? i : i % 3 === 1 ? `s${i}` : new RegoObject([['i', i]]));
      const set = new RegoSet(added);
      // Equal copies (1.0 for an integer, a fresh object) take the place of the first and are the value kept.
      const copies = added.map((v) => (typeof v === 'number' ? v * 1.0 : v instanceof RegoObject ? new RegoObject([['i', v.get('i')!]]) : v));
      for (const copy of copies) set.add(copy);
      expect(set.size).toBe(n);
      expect([...set]).toEqual(added);
      [...set].forEach((v, i) => expect(v).toBe(copies[i]));
      for (const v of added) expect(set.has(typeof v === 'string' ? `${v}` : v instanceof RegoObject ? new RegoObject([['i', v.get('i')!]]) : v)).toBe(true);
      expect(set.has('missing') || set.has(new RegoObject([['i', -1]])) || set.has(-1)).toBe(false);
      expect(equals(set, new RegoSet([...added].reverse()))).toBe(true);
    }
  });

  it('finds equal composites that are different objects', () => {
    const set = new RegoSet([fromJS({ a: [1, { b: 'c' }] })]);
    expect(set.has(fromJS({ a: [1, { b: 'c' }] }))).toBe(true);
    expect(set.has(fromJS({ a: [1, { b: 'd' }] }))).toBe(false);
  });

  it('orders strings by code point, as OPA compares UTF-8 bytes', () => {
    const texts = ['b', 'a', 'ab', '', '\uffff', '\u{1f600}', '\ue000', 'a\u{1f600}', 'a\uffff', 'Z'];
    const sorted = [...texts].sort(compare);
    expect(sorted).toEqual(['', 'Z', 'a', 'ab', 'a\uffff', 'a\u{1f600}', 'b', '\ue000', '\uffff', '\u{1f600}']);
  });
});

describe('Rego sets of composite values', () => {
  it('keeps one of equal composites (the later value, at the first position) and tells apart those that hash alike', () => {
    const a1 = fromJS({ address: 'a', change: { after: { x: 1 } } });
    const a2 = fromJS({ address: 'a', change: { after: { x: 1 } } });
    const b = fromJS({ address: 'a', change: { after: { x: 2 } } });
    const set = new RegoSet([a1, 'x', b, a2]);
    expect(set.size).toBe(3);
    expect([...set][0]).toBe(a2);
    expect(set.has(fromJS({ address: 'a', change: { after: { x: 2 } } }))).toBe(true);
    expect(set.has(fromJS({ address: 'a', change: { after: { x: 3 } } }))).toBe(false);
    // Long strings are sampled by the hash: strings that differ only between samples still differ.
    const long = (c: string): RegoValue => fromJS({ text: `${'a'.repeat(500)}${c}${'a'.repeat(500)}` });
    const longs = new RegoSet([long('b'), long('c'), long('b')]);
    expect(longs.size).toBe(2);
    expect(equals(long('b'), long('c'))).toBe(false);
  });

  it('keeps many composites apart that differ only deep inside (they share a hash)', () => {
    const deep = (i: number): RegoValue => fromJS({ a: { b: { c: i } } });
    const set = new RegoSet();
    for (let i = 0; i < 50; i++) set.add(deep(i));
    for (let i = 0; i < 50; i++) set.add(deep(i));
    expect(set.size).toBe(50);
    expect(set.has(deep(49))).toBe(true);
    expect(set.has(deep(50))).toBe(false);
    expect([...set].map(toJS)).toEqual(Array.from({ length: 50 }, (_, i) => ({ a: { b: { c: i } } })));
  });

  it('compares composites by value: sets, objects and arrays nested in each other', () => {
    const x = new RegoSet([fromJS({ a: [1, 2] }), new RegoSet(['p', 'q'])]);
    const y = new RegoSet([new RegoSet(['q', 'p']), fromJS({ a: [1, 2] })]);
    expect(equals(x, y)).toBe(true);
    expect(equals(x, new RegoSet([fromJS({ a: [2, 1] }), new RegoSet(['p', 'q'])]))).toBe(false);
    expect(new RegoSet([x, y]).size).toBe(1);
    expect(equals(fromJS({ a: 1 }), new RegoSet(['a']))).toBe(false);
    expect(equals([1, 2], [1, 2.0])).toBe(true);
    expect(compare(x, y)).toBe(0);
  });
});

describe('lazily converted inputs', () => {
  it('read like eagerly converted ones and convert each object once', () => {
    const source = { rs: [{ a: { b: [1, { c: 'x' }] }, n: null, u: undefined }], m: { k: true } };
    const lazy = fromJSLazy(source);
    const eager = fromJS(source);
    expect(equals(lazy, eager)).toBe(true);
    expect(toJS(lazy)).toEqual(toJS(eager));
    expect(hashValue(fromJSLazy(source))).toBe(hashValue(eager));
    const rs = (lazy as RegoObject).get('rs') as RegoValue[];
    expect((rs[0] as RegoObject).get('a')).toBe((((lazy as RegoObject).get('rs') as RegoValue[])[0] as RegoObject).get('a'));
    expect(new RegoSet([fromJSLazy(source), eager]).size).toBe(1);
  });
});
