import { convert, unifyValues } from '../eval/convert.ts';
import { decimalArithmetic } from '../eval/numbers.ts';
import { T_BOOL, T_DYNAMIC, T_NUMBER, T_STRING, type TfType, typeEquals } from '../eval/types.ts';
import {
  collectionInfo,
  compareStrings,
  describeType,
  isObject,
  isWhollyKnown,
  makeList,
  makeMap,
  makeSet,
  sortedKeys,
  type TfObject,
  type TfValue,
  typeOf,
  unifyTypes,
  Unknown,
  UNKNOWN,
  unknownOf,
  valuesEqual,
  distinctValues,
  identityKey,
  identityKeys,
} from '../eval/value.ts';
import { defineFunction, FunctionArgError, FunctionError, type TfFunction } from './define-function.ts';
import { checkLength, graphemes, isGoInt, WHOLE_NUMBER } from './helpers.ts';

const arr = (v: TfValue): TfValue[] => v as TfValue[];
const isSeq = (v: TfValue): v is TfValue[] => Array.isArray(v);
const kindOf = (v: TfValue): 'list' | 'set' | 'tuple' | 'map' | 'object' | 'other' => {
  if (Array.isArray(v)) return collectionInfo(v)?.kind === 'set' ? 'set' : collectionInfo(v) ? 'list' : 'tuple';
  if (isObject(v)) return collectionInfo(v) ? 'map' : 'object';
  return 'other';
};

/** Rebuilds a sequence with the same kind (list/set/tuple) as `like`. */
function sameKind(like: TfValue, items: TfValue[]): TfValue[] {
  const info = Array.isArray(like) ? collectionInfo(like) : undefined;
  if (info?.kind === 'set') return makeSet(items, info.element);
  if (info) return makeList(items, info.element);
  return items;
}

function elementsEqual(a: TfValue, b: TfValue): boolean | Unknown {
  return valuesEqual(a, b);
}

/** Set operations on list/set arguments: elements unified, result a set. */
function setArgs(args: TfValue[]): TfValue[][] {
  return args.map((a) => arr(a));
}

function toSetResult(items: TfValue[], args: TfValue[]): TfValue {
  const element = unifyTypes(args.map((a) => typeOf(a)).map((t) => ('element' in t ? t.element : T_DYNAMIC))) ?? T_DYNAMIC;
  const converted = element.kind === 'dynamic' ? items : items.map((x) => {
    const c = convert(x, element);
    return c.ok ? c.value : x;
  });
  return makeSet(converted, element);
}

export const collectionFunctions: TfFunction[] = [
  defineFunction({
    name: 'alltrue',
    partialUnknown: true,
    impl: ([list]) => {
      // In order: an unknown element before any false makes the result unknown (Terraform's alltrue).
      for (const x of arr(list!)) {
        if (x instanceof Unknown) return unknownOf(T_BOOL);
        if (x !== true) return false;
      }
      return true;
    },
  }),
  defineFunction({
    name: 'anytrue',
    partialUnknown: true,
    impl: ([list]) => {
      let unknown = false;
      for (const x of arr(list!)) {
        if (x instanceof Unknown) unknown = true;
        else if (x === true) return true;
      }
      return unknown ? unknownOf(T_BOOL) : false;
    },
  }),
  defineFunction({
    name: 'chunklist',
    partialUnknown: true,
    impl: ([list, sizeArg]) => {
      const size = sizeArg as number;
      if (!isGoInt(size)) throw new FunctionError(`invalid size: ${WHOLE_NUMBER}`);
      if (size < 0) throw new FunctionError('the size argument must be positive');
      const items = arr(list!);
      const element = collectionInfo(items)?.element ?? T_DYNAMIC;
      if (size === 0) return makeList([makeList([...items], element)]);
      const out: TfValue[] = [];
      for (let i = 0; i < items.length; i += size) out.push(makeList(items.slice(i, i + size), element));
      return makeList(out);
    },
  }),
  defineFunction({
    name: 'coalesce',
    partialUnknown: true,
    params: [],
    variadic: { allowNull: true, allowUnknown: true },
    impl: (args) => {
      const u = args.length === 0 ? { ok: false as const } : unifyValues(args);
      if (!u.ok) throw new FunctionError('all arguments must have the same type');
      for (const v of u.values) {
        if (v instanceof Unknown) return unknownOf(u.type);
        if (v === null) continue;
        if (v === '') continue;
        return v;
      }
      throw new FunctionError('no non-null, non-empty-string arguments');
    },
  }),
  defineFunction({
    name: 'coalescelist',
    partialUnknown: true,
    variadic: { allowNull: true, allowUnknown: true },
    impl: (args) => {
      args.forEach((a) => {
        if (a !== null && !(a instanceof Unknown) && (!isSeq(a) || kindOf(a) === 'set')) throw new FunctionError('coalescelist arguments must be lists or tuples');
      });
      for (const v of args) {
        if (v instanceof Unknown) return UNKNOWN;
        if (v === null) continue;
        if (arr(v).length > 0) return v;
      }
      throw new FunctionError('no non-null arguments');
    },
  }),
  defineFunction({
    name: 'compact',
    partialUnknown: true,
    impl: ([list]) => {
      const items = arr(list!);
      if (items.some((x) => x instanceof Unknown)) return unknownOf({ kind: 'list', element: T_STRING });
      return makeList(items.filter((x) => x !== null && x !== ''), T_STRING);
    },
  }),
  defineFunction({
    name: 'concat',
    partialUnknown: true,
    impl: (seqs) => {
      if (seqs.length === 0) throw new FunctionError('at least one argument is required');
      seqs.forEach((s, i) => {
        if (!isSeq(s)) throw new FunctionArgError(i, 'all arguments must be lists or tuples; got ' + describeType(s));
      });
      const items = seqs.flatMap((s) => arr(s));
      checkLength(items.length);
      if (seqs.length > 0 && seqs.every((s) => kindOf(s) === 'list' || kindOf(s) === 'set')) {
        const u = unifyValues(items);
        const element = unifyTypes(seqs.map((s) => (typeOf(s) as { element: TfType }).element));
        if (!u.ok || !element) throw new FunctionError('all arguments must be lists of the same element type');
        return makeList(element.kind === 'dynamic' ? u.values : items.map((x) => { const c = convert(x, element); return c.ok ? c.value : x; }), element);
      }
      return items;
    },
  }),
  defineFunction({
    name: 'contains',
    partialUnknown: true,
    impl: ([list, value]) => {
      if (!isSeq(list!)) throw new FunctionError('argument must be list, tuple, or set');
      let unknown = false;
      for (const x of arr(list!)) {
        const e = elementsEqual(x, value!);
        if (e instanceof Unknown) unknown = true;
        else if (e) return true;
      }
      return unknown ? unknownOf(T_BOOL) : false;
    },
  }),
  defineFunction({
    name: 'distinct',
    impl: ([list]) => {
      const items = arr(list!);
      return makeList(distinctValues(items), collectionInfo(items)?.element ?? T_DYNAMIC);
    },
  }),
  defineFunction({
    name: 'element',
    partialUnknown: true,
    impl: ([list, indexArg]) => {
      if (!isSeq(list!) || kindOf(list!) === 'set') throw new FunctionError('cannot read elements from ' + describeType(list!));
      const items = arr(list!);
      const index = indexArg as number;
      if (!isGoInt(index)) throw new FunctionError(`invalid index: ${WHOLE_NUMBER}`);
      if (items.length === 0) throw new FunctionError('cannot use element function with an empty list');
      if (index < 0) throw new FunctionError('cannot use element function with a negative index');
      return items[index % items.length]!;
    },
  }),
  defineFunction({
    name: 'flatten',
    partialUnknown: true,
    impl: ([list]) => {
      if (!isSeq(list!)) throw new FunctionArgError(0, 'can only flatten lists, sets and tuples');
      const out: TfValue[] = [];
      let unknown = false;
      const walk = (items: TfValue[]): void => {
        for (const x of items) {
          if (x instanceof Unknown && (x.type.kind === 'dynamic' || x.type.kind === 'list' || x.type.kind === 'set' || x.type.kind === 'tuple')) unknown = true;
          else if (isSeq(x)) walk(x);
          else out.push(x);
          checkLength(out.length);
        }
      };
      walk(arr(list!));
      return unknown ? UNKNOWN : out;
    },
  }),
  defineFunction({
    name: 'index',
    impl: ([list, value]) => {
      if (!isSeq(list!) || kindOf(list!) === 'set') throw new FunctionError('argument must be a list or tuple');
      const items = arr(list!);
      for (let i = 0; i < items.length; i++) if (elementsEqual(items[i]!, value!) === true) return i;
      throw new FunctionError('item not found');
    },
  }),
  defineFunction({
    name: 'keys',
    partialUnknown: true,
    params: [{ allowUnknown: true }],
    impl: ([m]) => {
      // An unknown object still has known attribute names.
      if (m instanceof Unknown) return m.type.kind === 'object' ? Object.keys(m.type.attributes).sort(compareStrings) : UNKNOWN;
      if (!isObject(m!)) throw new FunctionArgError(0, 'must have map or object type');
      const keys = sortedKeys(m);
      return kindOf(m!) === 'map' ? makeList(keys, T_STRING) : keys;
    },
  }),
  defineFunction({
    name: 'values',
    partialUnknown: true,
    impl: ([m]) => {
      if (!isObject(m!)) throw new FunctionError('values() requires a map as the first argument');
      const vals = sortedKeys(m).map((k) => m[k]!);
      return kindOf(m!) === 'map' ? makeList(vals, collectionInfo(m)!.element) : vals;
    },
  }),
  defineFunction({
    name: 'length',
    partialUnknown: true,
    impl: ([v]) => {
      if (typeof v === 'string') return graphemes(v).length;
      if (isSeq(v!)) return v.length;
      if (isObject(v!)) return Object.keys(v).length;
      throw new FunctionError('argument must be a string, a collection type, or a structural type');
    },
  }),
  defineFunction({
    name: 'lookup',
    partialUnknown: true,
    variadic: { allowNull: true },
    impl: ([m, keyArg, ...rest]) => {
      if (rest.length > 1) throw new FunctionError('lookup() takes two or three arguments');
      if (!isObject(m!)) throw new FunctionArgError(0, 'lookup() requires a map as the first argument');
      const key = keyArg as string;
      if (rest.length === 1 && kindOf(m!) === 'map' && rest[0] !== null && !(rest[0] instanceof Unknown) && !convert(rest[0]!, collectionInfo(m)!.element).ok)
        throw new FunctionArgError(2, 'the default value must have the same type as the map elements');
      if (Object.hasOwn(m, key)) {
        const v = m[key]!;
        if (rest.length === 1 && kindOf(m!) === 'object' && !(rest[0] instanceof Unknown) && rest[0] !== null) {
          const t = unifyTypes([typeOf(v), typeOf(rest[0]!)]);
          if (t) {
            const c = convert(v, t);
            if (c.ok) return c.value;
          }
        }
        return v;
      }
      if (rest.length === 0) {
        if (kindOf(m!) === 'object') throw new FunctionArgError(0, `the given object has no attribute ${JSON.stringify(key)}`);
        throw new FunctionError(`lookup failed to find key ${JSON.stringify(key)}`);
      }
      const def = rest[0]!;
      if (kindOf(m!) === 'map' && def !== null && !(def instanceof Unknown)) {
        const c = convert(def, collectionInfo(m)!.element);
        if (!c.ok) throw new FunctionArgError(2, 'the default value must have the same type as the map elements');
        return c.value;
      }
      return def;
    },
  }),
  defineFunction({
    name: 'matchkeys',
    impl: ([values, keys, searchset]) => {
      const vs = arr(values!);
      const ks = arr(keys!);
      if (vs.length !== ks.length) throw new FunctionError('length of keys and values should be equal');
      const search = arr(searchset!);
      const out: TfValue[] = [];
      ks.forEach((k, i) => {
        if (search.some((s) => valuesEqual(s, k) === true)) out.push(vs[i]!);
      });
      return makeList(out, collectionInfo(vs)?.element ?? T_DYNAMIC);
    },
  }),
  defineFunction({
    name: 'merge',
    partialUnknown: true,
    variadic: { allowNull: true },
    impl: (maps) => {
      const out: TfObject = {};
      let allMaps = true;
      maps.forEach((m, i) => {
        if (m === null) return;
        if (!isObject(m)) throw new FunctionError(`arguments must be maps or objects, got ${JSON.stringify(describeType(m))}`);
        if (kindOf(m) !== 'map') allMaps = false;
        for (const k of Object.keys(m)) out[k] = m[k]!;
      });
      // Maps of one element type merge into a map of it; anything else makes an object.
      const present = maps.filter((m) => m !== null);
      if (allMaps && present.length > 0) {
        const types = present.map((m) => (typeOf(m) as { element: TfType }).element).filter((t) => t.kind !== 'dynamic');
        if (types.every((t) => typeEquals(t, types[0]!))) return makeMap(out, types[0] ?? T_DYNAMIC);
      }
      return out;
    },
  }),
  defineFunction({
    name: 'one',
    partialUnknown: true,
    impl: ([list]) => {
      if (!isSeq(list!)) throw new FunctionArgError(0, 'must be a list, set, or tuple value');
      const items = arr(list!);
      if (items.length === 0) return null;
      if (items.length === 1) return items[0]!;
      throw new FunctionArgError(0, 'must be a list, set, or tuple value with either zero or one elements');
    },
  }),
  defineFunction({
    name: 'range',
    impl: (args) => {
      let start = 0;
      let limit: number;
      let step: number;
      if (args.length === 1) limit = args[0] as number;
      else if (args.length === 2 || args.length === 3) {
        start = args[0] as number;
        limit = args[1] as number;
      } else throw new FunctionError('must have one, two, or three arguments');
      if (args.length === 3) step = args[2] as number;
      else step = start > limit ? -1 : 1;
      const tooMany = 'more than 1024 values were generated; either decrease the difference between start and end or use a smaller step';
      if (step === 0) {
        if (start < limit) throw new FunctionError(tooMany);
        return makeList([], T_NUMBER);
      }
      const out: number[] = [];
      if (step > 0) for (let v = start; v < limit; v += step) {
        if (out.length >= 1024) throw new FunctionError(tooMany);
        out.push(v);
      }
      else for (let v = start; v > limit; v += step) {
        if (out.length >= 1024) throw new FunctionError(tooMany);
        out.push(v);
      }
      return makeList(out, T_NUMBER);
    },
  }),
  defineFunction({
    name: 'reverse',
    partialUnknown: true,
    impl: ([list]) => {
      if (!isSeq(list!)) throw new FunctionArgError(0, 'can only reverse list or tuple values, not ' + describeType(list!));
      const reversed = [...arr(list!)].reverse();
      // A set has no order of its own: its reverse is a list in reverse set order.
      return kindOf(list!) === 'set' ? makeList(reversed, collectionInfo(list as object)!.element) : sameKind(list!, reversed);
    },
  }),
  defineFunction({
    name: 'setintersection',
    impl: (args) => {
      const [first = [], ...rest] = setArgs(args);
      const others = rest.map(identityKeys);
      const inAll = (x: TfValue): boolean => {
        const key = identityKey(x);
        return others.every((r) => key !== undefined && r.has(key));
      };
      return toSetResult(first.filter(inAll), args);
    },
  }),
  defineFunction({
    name: 'setsubtract',
    impl: ([a, b]) => {
      const removed = identityKeys(arr(b!));
      const kept = (x: TfValue): boolean => {
        const key = identityKey(x);
        return key === undefined || !removed.has(key);
      };
      return toSetResult(arr(a!).filter(kept), [a!, b!]);
    },
  }),
  defineFunction({
    name: 'setunion',
    partialUnknown: true,
    impl: (args) => toSetResult(setArgs(args).flat(), args),
  }),
  defineFunction({
    name: 'setproduct',
    impl: (args) => {
      if (args.length < 2) throw new FunctionError('at least two arguments are required');
      args.forEach((a, i) => {
        if (!isSeq(a)) throw new FunctionArgError(i, 'a set or a list is required');
        if (kindOf(a) === 'tuple' && !unifyValues(arr(a)).ok) throw new FunctionArgError(i, 'all elements must be of the same type');
      });
      const sets = args.map((a) => {
        const u = unifyValues(arr(a));
        return u.ok ? u.values : arr(a);
      });
      let total = 1;
      for (const s of sets) total *= s.length;
      checkLength(total);
      let acc: TfValue[][] = [[]];
      for (const s of sets) acc = acc.flatMap((prefix) => s.map((x) => [...prefix, x]));
      // All lists (or tuples): a list of tuples in input order; any set makes the result a set.
      const allLists = args.every((a) => kindOf(a) !== 'set');
      return allLists ? makeList(acc, T_DYNAMIC) : makeSet(acc, T_DYNAMIC);
    },
  }),
  defineFunction({
    name: 'slice',
    partialUnknown: true,
    impl: ([list, startArg, endArg]) => {
      if (kindOf(list!) === 'set')
        throw new FunctionArgError(0, 'cannot slice a set, because its elements do not have indices; explicitly convert to a list if the ordering of the result is not important');
      if (!isSeq(list!)) throw new FunctionArgError(0, 'must be a list or tuple value');
      const items = arr(list!);
      const start = startArg as number;
      const end = endArg as number;
      if (!isGoInt(start)) throw new FunctionArgError(1, `invalid start index: ${WHOLE_NUMBER}`);
      if (!isGoInt(end)) throw new FunctionArgError(2, `invalid end index: ${WHOLE_NUMBER}`);
      if (start < 0) throw new FunctionArgError(1, 'start index must not be less than zero');
      if (start > items.length) throw new FunctionArgError(1, 'start index must not be greater than the length of the list');
      if (end < 0) throw new FunctionArgError(2, 'end index must not be less than zero');
      if (end > items.length) throw new FunctionArgError(2, 'end index must not be greater than the length of the list');
      if (start > end) throw new FunctionArgError(1, 'start index must not be greater than end index');
      return sameKind(list!, items.slice(start, end));
    },
  }),
  defineFunction({
    name: 'sort',
    impl: ([list]) => {
      const items = arr(list!) as Array<string | null>;
      if (items.some((x) => x === null)) throw new FunctionArgError(0, 'given list element is null; a null string cannot be sorted');
      return makeList([...(items as string[])].sort(compareStrings), T_STRING);
    },
  }),
  defineFunction({
    name: 'sum',
    impl: ([list]) => {
      if (!isSeq(list!)) throw new FunctionArgError(0, 'cannot sum noniterable');
      const items = arr(list!);
      if (items.length === 0) throw new FunctionArgError(0, 'cannot sum an empty list');
      let total = 0;
      items.forEach((x) => {
        if (x === null) throw new FunctionArgError(0, 'argument must be list, set, or tuple of number values');
        const c = convert(x, T_NUMBER);
        if (!c.ok) throw new FunctionArgError(0, 'argument must be list, set, or tuple of number values');
        total = decimalArithmetic(total, c.value as number, '+');
      });
      return total;
    },
  }),
  defineFunction({
    name: 'transpose',
    impl: ([m]) => {
      const src = m as TfObject;
      const out: Record<string, string[]> = {};
      for (const k of sortedKeys(src)) {
        for (const v of arr(src[k]!)) {
          if (v === null) throw new FunctionArgError(0, 'lists must not contain null values');
          (out[v as string] ??= []).push(k);
        }
      }
      const result: TfObject = {};
      for (const k of sortedKeys(out)) result[k] = makeList(out[k]!, T_STRING);
      return makeMap(result, { kind: 'list', element: T_STRING });
    },
  }),
  defineFunction({
    name: 'zipmap',
    partialUnknown: true,
    impl: ([keysArg, valuesArg]) => {
      const keys = arr(keysArg!);
      if (!isSeq(valuesArg!)) throw new FunctionError('values argument must be a list or tuple value');
      const values = arr(valuesArg!);
      if (keys.length !== values.length)
        throw new FunctionError(`number of keys (${keys.length}) does not match number of values (${values.length})`);
      if (!isWhollyKnown(keys)) return UNKNOWN;
      const out: TfObject = {};
      keys.forEach((k, i) => {
        if (k === null) throw new FunctionArgError(0, 'keys list has null value at index ' + i);
        out[k as string] = values[i]!;
      });
      if (kindOf(valuesArg!) === 'tuple') return out;
      return makeMap(out, collectionInfo(values)?.element ?? T_DYNAMIC);
    },
  }),
];
