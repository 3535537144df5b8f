import { describe, expect, it } from 'vitest';
import { RegoEngine } from './index.ts';
import { fromJSLazy } from './lazy-value.ts';
import { compare, fromJS, RegoObject, RegoSet, toJS, valueKey, type RegoValue } from './value.ts';

const doc = {
  resource_changes: [
    { address: 'aws_s3_bucket.b', change: { after: { bucket: 'b', tags: { env: 'prod' }, n: 1.5, big: 2 ** 60, none: null, gone: undefined }, actions: ['create'] } },
    { address: 'aws_sqs_queue.q', change: { after: { name: 'q', list: [{ a: 1 }, 'x', [true]] }, actions: ['create'] } },
  ],
  '10': 'integer-like keys iterate first',
  '': 'empty key',
  '\u0001odd': 'a key starting with a control character',
};

/** Every way of reading a value: entries in iteration order, recursively. */
function walk(v: RegoValue): unknown {
  if (v instanceof RegoObject) return { size: v.size, entries: [...v].map(([k, x]) => [k, walk(x)]) };
  if (v instanceof RegoSet) return { set: [...v].map(walk) };
  if (Array.isArray(v)) return v.map(walk);
  return v;
}

describe('fromJSLazy', () => {
  it('is the same Rego value as fromJS: key, iteration order, JSON, order against other values', () => {
    const eager = fromJS(doc);
    const lazy = fromJSLazy(doc);
    expect(valueKey(lazy)).toBe(valueKey(eager));
    expect(walk(fromJSLazy(doc))).toEqual(walk(eager));
    expect(toJS(fromJSLazy(doc))).toEqual(toJS(eager));
    expect(compare(fromJSLazy(doc), eager)).toBe(0);
  });

  it('answers lookups from the record, converting each member once', () => {
    const lazy = fromJSLazy(doc) as RegoObject;
    expect(lazy.size).toBe(4);
    expect(lazy.has('resource_changes')).toBe(true);
    expect(lazy.has('toString')).toBe(false);
    expect(lazy.get('toString')).toBeUndefined();
    expect(lazy.get(10)).toBeUndefined();
    expect(lazy.get('10')).toBe('integer-like keys iterate first');
    expect(lazy.get('resource_changes')).toBe(lazy.get('resource_changes'));
    const after = ((lazy.get('resource_changes') as RegoValue[])[0] as RegoObject).get('change') as RegoObject;
    expect((after.get('after') as RegoObject).get('gone')).toBeNull();
    expect((after.get('after') as RegoObject).get('tags')).toBe((after.get('after') as RegoObject).get('tags'));
  });

  it('uses an array of scalars as it is and converts other arrays', () => {
    const scalars = ['a', 1, true, null];
    expect(fromJSLazy(scalars)).toBe(scalars);
    const mixed = [{ a: 1 }, undefined];
    expect(fromJSLazy(mixed)).not.toBe(mixed);
    expect(valueKey(fromJSLazy(mixed))).toBe(valueKey(fromJS(mixed)));
  });

  it('becomes an ordinary object when changed, keeping members already read', () => {
    const lazy = fromJSLazy({ a: { x: 1 }, b: 2 }) as RegoObject;
    const a = lazy.get('a');
    lazy.set('c', 3).delete('b');
    expect(valueKey(lazy)).toBe(valueKey(fromJS({ a: { x: 1 }, c: 3 })));
    expect(lazy.get('a')).toBe(a);
    expect([...lazy.keys()]).toEqual(['a', 'c']);
  });

  it('keeps each converted member, however many, through reads, iteration and sorting, in the record order', () => {
    const record = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${19 - i}`, i % 3 ? { i } : i]));
    const lazy = fromJSLazy(record) as RegoObject;
    const first = Array.from({ length: 20 }, (_, i) => lazy.get(`k${i}`));
    expect(Array.from({ length: 20 }, (_, i) => lazy.get(`k${i}`))).toEqual(first);
    for (let i = 0; i < 20; i++) if (typeof first[i] === 'object') expect(lazy.get(`k${i}`)).toBe(first[i]);
    expect([...lazy].map(([k]) => k)).toEqual(Object.keys(record));
    for (const [k, v] of lazy) expect(v).toBe(lazy.get(k));
    expect(lazy.sortedEntries().map(([k]) => k)).toEqual((fromJS(record) as RegoObject).sortedEntries().map(([k]) => k));
    expect(valueKey(lazy)).toBe(valueKey(fromJS(record)));
    expect(lazy.get('k1')).toBe(first[1]);
  });

  it('keeps the members a lookup converted, and converts the others for one reading of every entry only', () => {
    const lazy = fromJSLazy({ a: { x: 1 }, b: { y: [{ z: 2 }] } }) as RegoObject;
    const a = lazy.get('a');
    const first = new Map([...lazy]);
    const second = new Map([...lazy]);
    expect(first.get('a')).toBe(a);
    expect(second.get('a')).toBe(a);
    expect(first.get('b')).not.toBe(second.get('b'));
    expect(valueKey(first.get('b')!)).toBe(valueKey(fromJS({ y: [{ z: 2 }] })));
    const b = lazy.get('b');
    expect(b).toBe(lazy.get('b'));
    expect(new Map([...lazy]).get('b')).toBe(b);
  });

  it('gives the same query results as an eager input', () => {
    const engine = new RegoEngine();
    engine.addModule(
      'p.rego',
      `package p
import rego.v1
by_type[t] contains rc if { some rc in input.resource_changes; t := split(rc.address, ".")[0] }
names contains n if { some rc in input.resource_changes; some k, _ in rc.change.after; n := k }
same if input.resource_changes[0] == input.resource_changes[0]
`,
    );
    const query = engine.prepare('data.p');
    expect(toJS(query.evalValue({ inputValue: fromJSLazy(doc) })!)).toEqual(toJS(query.evalValue({ inputValue: fromJS(doc) })!));
  });
});
