import { goQuote } from '../../core/go-quote.ts';
import {
  friendlyTypeName,
  isPrimitiveType,
  T_BOOL,
  T_DYNAMIC,
  T_NUMBER,
  T_STRING,
  type TfType,
  typeEquals,
} from './types.ts';

/**
 * Terraform values (cty-like), represented so that a wholly known, unmarked value is plain JSON:
 * - `null`, `boolean`, `number` (IEEE double; cty's 512-bit numbers are not modelled), `string`;
 * - arrays for tuples, lists and sets; plain objects for objects and maps. Arrays/objects built by a
 *   conversion to list/set/map carry their collection kind and element type in a side table
 *   (`collectionInfo`), so `tolist([])` stays a list and `toset()` results stay sets; a bare array is a
 *   tuple and a bare object is an object;
 * - `Unknown`: a value known only after apply (optionally typed);
 * - `Sensitive`: a value marked sensitive (`sensitive()`, sensitive variables/attributes).
 * Object keys are always iterated in sorted order (`sortedKeys`) as cty does.
 */
export type TfValue = null | boolean | number | string | TfValue[] | TfObject | Unknown | Sensitive;
export interface TfObject {
  [key: string]: TfValue;
}

export class Unknown {
  constructor(readonly type: TfType = T_DYNAMIC) {}
}
/** An unknown value of any type. */
export const UNKNOWN: Unknown = new Unknown();
export function unknownOf(type: TfType): Unknown {
  return type.kind === 'dynamic' ? UNKNOWN : new Unknown(type);
}
export function isUnknown(v: unknown): v is Unknown {
  return v instanceof Unknown;
}

export class Sensitive {
  constructor(readonly value: TfValue) {}
}
export function markSensitive(v: TfValue): TfValue {
  return v instanceof Sensitive ? v : new Sensitive(v);
}
export function isSensitive(v: unknown): v is Sensitive {
  return v instanceof Sensitive;
}

interface CollectionInfo {
  kind: 'list' | 'set' | 'map';
  element: TfType;
}
const collectionInfos = new WeakMap<object, CollectionInfo>();

/** The list/set/map kind recorded for an array or object, if it was built as one. */
export function collectionInfo(v: object): CollectionInfo | undefined {
  return collectionInfos.get(v);
}
export function makeList(items: TfValue[], element: TfType = elementTypeOf(items)): TfValue[] {
  collectionInfos.set(items, { kind: 'list', element });
  return items;
}
export function makeSet(items: TfValue[], element: TfType = elementTypeOf(items)): TfValue[] {
  const out = dedupeAndSort(items);
  collectionInfos.set(out, { kind: 'set', element });
  return out;
}
export function makeMap(obj: TfObject, element: TfType = elementTypeOf(Object.values(obj))): TfObject {
  collectionInfos.set(obj, { kind: 'map', element });
  return obj;
}

export function isArray(v: TfValue): v is TfValue[] {
  return Array.isArray(v);
}
export function isObject(v: TfValue): v is TfObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Unknown) && !(v instanceof Sensitive);
}
export function isSet(v: TfValue): boolean {
  return Array.isArray(v) && collectionInfos.get(v)?.kind === 'set';
}
export function isList(v: TfValue): boolean {
  return Array.isArray(v) && collectionInfos.get(v)?.kind === 'list';
}
export function isMap(v: TfValue): boolean {
  return isObject(v) && collectionInfos.get(v)?.kind === 'map';
}

export function sortedKeys(obj: TfObject): string[] {
  const keys = Object.keys(obj);
  // Objects are mostly built in key order already (schema attributes, sorted copies): check before sorting.
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return keys.sort(compareStrings);
  return keys;
}

/** Byte-wise (Go) string order for BMP text; cty sorts object keys and string sets this way. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The common element type of some values, as cty unifies them (`dynamic` when there is none). */
export function elementTypeOf(values: readonly TfValue[]): TfType {
  if (values.length === 0) return T_DYNAMIC;
  return unifyTypes(values.map(typeOf)) ?? T_DYNAMIC;
}

/** The dynamic type of a value. Null has type dynamic. */
export function typeOf(v: TfValue): TfType {
  if (v === null) return T_DYNAMIC;
  switch (typeof v) {
    case 'string':
      return T_STRING;
    case 'number':
      return T_NUMBER;
    case 'boolean':
      return T_BOOL;
  }
  if (v instanceof Unknown) return v.type;
  if (v instanceof Sensitive) return typeOf(v.value);
  const info = collectionInfos.get(v);
  if (Array.isArray(v)) {
    if (info) return { kind: info.kind, element: info.element.kind === 'dynamic' ? elementTypeOf(v) : info.element };
    return { kind: 'tuple', elements: v.map(typeOf) };
  }
  if (info) return { kind: 'map', element: info.element.kind === 'dynamic' ? elementTypeOf(Object.values(v)) : info.element };
  const attributes: Record<string, TfType> = {};
  for (const k of Object.keys(v)) attributes[k] = typeOf(v[k]!);
  return { kind: 'object', attributes };
}

/**
 * Finds one type all the given types convert to, as cty's `convert.Unify` does for conditional results,
 * collection literals under conversion and function arguments: equal types stay; mixed primitives go to
 * string; objects with different attributes become a map; tuples of different lengths become a list.
 * Returns undefined when there is none.
 */
export function unifyTypes(types: readonly TfType[]): TfType | undefined {
  const known = types.filter((t) => t.kind !== 'dynamic');
  if (known.length === 0) return T_DYNAMIC;
  const first = known[0]!;
  if (known.every((t) => typeEquals(t, first))) return first;
  if (known.every(isPrimitiveType)) {
    const kinds = new Set(known.map((t) => t.kind));
    if (kinds.has('string')) return T_STRING;
    return undefined; // number and bool do not unify
  }
  const kinds = new Set(known.map((t) => t.kind));
  if ([...kinds].every((k) => k === 'object' || k === 'map')) {
    const attrTypes: TfType[] = [];
    const keySets: string[] = [];
    for (const t of known) {
      if (t.kind === 'object') {
        attrTypes.push(...Object.values(t.attributes));
        keySets.push(Object.keys(t.attributes).sort().join('\u0000'));
      } else if (t.kind === 'map') attrTypes.push(t.element);
    }
    if (!kinds.has('map') && new Set(keySets).size === 1) {
      // Same attribute names: unify attribute by attribute.
      const attributes: Record<string, TfType> = {};
      const obj0 = first as Extract<TfType, { kind: 'object' }>;
      for (const k of Object.keys(obj0.attributes)) {
        const u = unifyTypes(known.map((t) => (t as typeof obj0).attributes[k]!));
        if (!u) return undefined;
        attributes[k] = u;
      }
      return { kind: 'object', attributes };
    }
    const element = unifyTypes(attrTypes);
    return element ? { kind: 'map', element } : undefined;
  }
  if ([...kinds].every((k) => k === 'tuple' || k === 'list' || k === 'set')) {
    if (kinds.size === 1 && kinds.has('tuple')) {
      const lens = new Set(known.map((t) => (t as Extract<TfType, { kind: 'tuple' }>).elements.length));
      if (lens.size === 1) {
        const n = [...lens][0]!;
        const elements: TfType[] = [];
        for (let i = 0; i < n; i++) {
          const u = unifyTypes(known.map((t) => (t as Extract<TfType, { kind: 'tuple' }>).elements[i]!));
          if (!u) return undefined;
          elements.push(u);
        }
        return { kind: 'tuple', elements };
      }
    }
    const elems: TfType[] = [];
    for (const t of known) {
      if (t.kind === 'tuple') elems.push(...t.elements);
      else if (t.kind === 'list' || t.kind === 'set') elems.push(t.element);
    }
    const element = unifyTypes(elems);
    if (!element) return undefined;
    return { kind: kinds.has('set') && !kinds.has('list') && !kinds.has('tuple') ? 'set' : 'list', element };
  }
  return undefined;
}

/** Strips every sensitive mark, reporting whether there was one. */
export function unmarkDeep(v: TfValue): { value: TfValue; sensitive: boolean } {
  let sensitive = false;
  const walk = (x: TfValue): TfValue => {
    if (x instanceof Sensitive) {
      sensitive = true;
      return walk(x.value);
    }
    if (x === null || typeof x !== 'object' || x instanceof Unknown) return x;
    const info = collectionInfos.get(x);
    if (Array.isArray(x)) {
      if (!x.some(hasMarksShallowOrDeep)) return x;
      const out = x.map(walk);
      if (info) collectionInfos.set(out, info);
      return out;
    }
    if (!Object.values(x).some(hasMarksShallowOrDeep)) return x;
    const out: TfObject = {};
    for (const k of Object.keys(x)) out[k] = walk(x[k]!);
    if (info) collectionInfos.set(out, info);
    return out;
  };
  const value = walk(v);
  return { value, sensitive };
}

function hasMarksShallowOrDeep(x: TfValue): boolean {
  if (x instanceof Sensitive) return true;
  if (x === null || typeof x !== 'object' || x instanceof Unknown) return false;
  return Array.isArray(x) ? x.some(hasMarksShallowOrDeep) : Object.values(x).some(hasMarksShallowOrDeep);
}

/** Whether the value (or anything inside it) is marked sensitive. */
export function containsSensitive(v: TfValue): boolean {
  return hasMarksShallowOrDeep(v);
}

/** Whether the value contains no unknowns at any depth. */
export function isWhollyKnown(v: TfValue): boolean {
  if (v instanceof Unknown) return false;
  if (v instanceof Sensitive) return isWhollyKnown(v.value);
  if (v === null || typeof v !== 'object') return true;
  return Array.isArray(v) ? v.every(isWhollyKnown) : Object.values(v).every(isWhollyKnown);
}

/** Formats a number the way cty does (`Text('f', -1)`): shortest digits, never an exponent. */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Number.POSITIVE_INFINITY) return '+Inf';
  if (n === Number.NEGATIVE_INFINITY) return '-Inf';
  if (Object.is(n, -0)) return '-0';
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, frac = '', expText] = m;
  const digits = lead! + frac;
  const exp = Number(expText);
  if (exp >= 0) {
    const intLen = 1 + exp;
    return digits.length <= intLen
      ? `${sign}${digits}${'0'.repeat(intLen - digits.length)}`
      : `${sign}${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
  }
  return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
}

/** Parses a string to a number as cty does (decimal, optional sign/fraction/exponent). */
export function parseNumber(s: string): number | undefined {
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(s)) return undefined;
  return Number(s);
}

/** The order cty gives set elements: strings lexically, numbers ascending, false before true; others as given. */
function dedupeAndSort(items: readonly TfValue[]): TfValue[] {
  const unknowns: TfValue[] = [];
  const known: TfValue[] = [];
  for (const item of items) {
    // Unknown elements cannot be compared: each stays, after the known ones (cty's set order).
    if (item instanceof Unknown || (item instanceof Sensitive && item.value instanceof Unknown)) unknowns.push(item);
    else known.push(item);
  }
  const out = distinctValues(known);
  return appendAllValues(sortKnown(out), unknowns);
}

function appendAllValues(target: TfValue[], items: readonly TfValue[]): TfValue[] {
  for (const item of items) target.push(item);
  return target;
}

/**
 * The first of each group of identical values (`valuesIdentical`), in order, in linear time: each value is keyed by
 * a canonical text of its structure. A value holding an unknown is identical to nothing and always kept.
 */
export function distinctValues(items: readonly TfValue[]): TfValue[] {
  const seen = new Set<string>();
  const out: TfValue[] = [];
  for (const item of items) {
    const key = identityKey(item);
    if (key === undefined) out.push(item);
    else if (!seen.has(key)) {
      seen.add(key);
      out.push(item);
    }
  }
  return out;
}

/** The identity keys of `items` (values holding an unknown have none): `has(identityKey(x))` is "some item is identical to x". */
export function identityKeys(items: readonly TfValue[]): Set<string> {
  const keys = new Set<string>();
  for (const item of items) {
    const key = identityKey(item);
    if (key !== undefined) keys.add(key);
  }
  return keys;
}

/** A text equal for two values exactly when `valuesIdentical` holds; undefined when the value holds an unknown. */
export function identityKey(value: TfValue): string | undefined {
  const v = value instanceof Sensitive ? value.value : value;
  if (v instanceof Unknown) return undefined;
  if (v === null) return 'z';
  switch (typeof v) {
    case 'string':
      return `s${JSON.stringify(v)}`;
    case 'number':
      return `n${v === 0 ? 0 : v}`;
    case 'boolean':
      return v ? 't' : 'f';
    default:
      break;
  }
  if (Array.isArray(v)) {
    let text = '[';
    for (const item of v) {
      const key = identityKey(item);
      if (key === undefined) return undefined;
      text += `${key},`;
    }
    return `${text}]`;
  }
  const object = v as TfObject;
  let text = '{';
  for (const name of Object.keys(object).sort()) {
    const key = identityKey(object[name]!);
    if (key === undefined) return undefined;
    text += `${JSON.stringify(name)}:${key},`;
  }
  return `${text}}`;
}

function sortKnown(out: TfValue[]): TfValue[] {
  if (out.every((x) => typeof x === 'string')) return (out as string[]).sort(compareStrings);
  if (out.every((x) => typeof x === 'number')) return (out as number[]).sort((a, b) => a - b);
  if (out.every((x) => typeof x === 'boolean')) return (out as boolean[]).sort((a, b) => Number(a) - Number(b));
  // Objects, tuples, lists: cty's order is the byte order of their set hash texts (each computed once).
  const keyed = out.map((value) => ({ value, hash: Buffer.from(setHashText(value), 'utf8') }));
  keyed.sort((a, b) => Buffer.compare(a.hash, b.hash));
  return keyed.map((k) => k.value);
}

/** Structural identity (same shape and values, ignoring collection kinds); unknowns are never identical. */
export function valuesIdentical(a: TfValue, b: TfValue): boolean {
  if (a instanceof Sensitive) a = a.value;
  if (b instanceof Sensitive) b = b.value;
  if (a instanceof Unknown || b instanceof Unknown) return false;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as TfValue[];
    return a.length === bb.length && a.every((x, i) => valuesIdentical(x, bb[i]!));
  }
  const ao = a as TfObject;
  const bo = b as TfObject;
  const ak = Object.keys(ao);
  if (ak.length !== Object.keys(bo).length) return false;
  return ak.every((k) => k in bo && valuesIdentical(ao[k]!, bo[k]!));
}

/**
 * Terraform's `==`: values of different types are unequal (so `1 == "1"` and `tolist(["a"]) == ["a"]`
 * are false); null equals only null; an unknown operand makes the result unknown.
 */
export function valuesEqual(a: TfValue, b: TfValue): boolean | Unknown {
  if (a instanceof Sensitive) a = a.value;
  if (b instanceof Sensitive) b = b.value;
  if (a instanceof Unknown || b instanceof Unknown) return new Unknown(T_BOOL);
  if (a === null || b === null) return a === b;
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (!typeEquals(ta, tb)) {
    // Collections whose element type is still dynamic (e.g. empty) compare by kind and content.
    if (!(ta.kind === tb.kind && (a as unknown[]).length === 0 && (b as unknown[]).length === 0)) return false;
  }
  if (typeof a !== 'object') return a === b;
  if (Array.isArray(a)) {
    const bb = b as TfValue[];
    if (a.length !== bb.length) return false;
    let unknown = false;
    for (let i = 0; i < a.length; i++) {
      const e = valuesEqual(a[i]!, bb[i]!);
      if (e instanceof Unknown) unknown = true;
      else if (!e) return false;
    }
    return unknown ? new Unknown(T_BOOL) : true;
  }
  const ao = a as TfObject;
  const bo = b as TfObject;
  const keys = Object.keys(ao);
  if (keys.length !== Object.keys(bo).length) return false;
  let unknown = false;
  for (const k of keys) {
    if (!(k in bo)) return false;
    const e = valuesEqual(ao[k]!, bo[k]!);
    if (e instanceof Unknown) unknown = true;
    else if (!e) return false;
  }
  return unknown ? new Unknown(T_BOOL) : true;
}

/** A short description of a value's type for messages ("string", "list of string", "object"). */
export function describeType(v: TfValue): string {
  return v === null ? 'null' : friendlyTypeName(typeOf(v));
}

/** Converts a plain JSON value (from tfvars, jsondecode, plan JSON) into a TfValue (it already is one). */
export function fromJson(v: unknown): TfValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(fromJson);
  if (typeof v === 'object') {
    const out: TfObject = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = fromJson(x);
    return out;
  }
  return null;
}

/** Plain JSON for plan output: unknowns become null, sensitive marks are dropped, keys sorted. */
export function toJson(v: TfValue): unknown {
  if (v instanceof Unknown) return null;
  if (v instanceof Sensitive) return toJson(v.value);
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(toJson);
  const out: Record<string, unknown> = {};
  for (const k of sortedKeys(v)) out[k] = toJson(v[k]!);
  return out;
}

/**
 * The text cty hashes set elements by (`appendSetHashBytes`). cty iterates a set of non-primitive
 * elements in the byte order of these texts, so `for` over `toset([...objects])` visits them in this order.
 * Objects list only their attribute values in key order (`<v1;v2;>`), sequences `[v1;v2;]`, strings are Go
 * quoted, numbers use `%.10g`, `T`/`F`, `~` for null, `?` for unknown.
 */
export function setHashText(value: TfValue): string {
  if (value instanceof Sensitive) return setHashText(value.value);
  if (value instanceof Unknown) return '?';
  if (value === null) return '~';
  if (typeof value === 'boolean') return value ? 'T' : 'F';
  if (typeof value === 'number') return tenDigits(value);
  if (typeof value === 'string') return goQuote(value);
  if (Array.isArray(value)) return `[${value.map((v) => `${setHashText(v)};`).join('')}]`;
  return `<${sortedKeys(value)
    .map((k) => `${setHashText(value[k]!)};`)
    .join('')}>`;
}

/** Go's `%.10g` (big.Float.String). */
function tenDigits(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e10) return String(n);
  const exp = n === 0 ? 0 : Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 10) {
    const [m, e] = n.toExponential(9).split('e') as [string, string];
    const mant = m.replace(/\.?0+$/, '');
    const ev = Number(e);
    return `${mant}e${ev < 0 ? '-' : '+'}${String(Math.abs(ev)).padStart(2, '0')}`;
  }
  return String(Number(n.toPrecision(10)));
}

/** Orders known non-primitive set elements as cty iterates them. */
export function compareSetHash(a: TfValue, b: TfValue): number {
  return Buffer.compare(Buffer.from(setHashText(a), 'utf8'), Buffer.from(setHashText(b), 'utf8'));
}
