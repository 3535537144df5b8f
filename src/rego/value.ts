/**
 * Rego values. Shared contract between the evaluator and the builtins.
 *
 *   null | boolean | number | bigint | string | readonly RegoValue[] | RegoSet | RegoObject
 *
 * Numbers: a JS `number` when the value is a float or an integer within ±(2^53-1); a `bigint` for integers
 * beyond that (never a bigint inside the safe range: use `normalizeNumber`). Arbitrary precision for large
 * integers, float64 otherwise (OPA prints floats the same way).
 * Arrays are plain JS arrays and must never be mutated after construction.
 * Sets and objects are immutable-by-convention classes keyed by `valueKey` (a canonical string).
 * `undefined` (JS) means "undefined" in Rego (no value); it is never stored inside a value.
 */
export type RegoNumber = number | bigint;
export type RegoValue = null | boolean | RegoNumber | string | readonly RegoValue[] | RegoSet | RegoObject;

export type RegoTypeName = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'set' | 'object';

export function typeName(v: RegoValue): RegoTypeName {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return 'boolean';
    case 'number':
    case 'bigint':
      return 'number';
    case 'string':
      return 'string';
  }
  if (Array.isArray(v)) return 'array';
  return v instanceof RegoSet ? 'set' : 'object';
}

export const isNumber = (v: RegoValue | undefined): v is RegoNumber => typeof v === 'number' || typeof v === 'bigint';
export const isArray = (v: RegoValue | undefined): v is readonly RegoValue[] => Array.isArray(v);
export const isSet = (v: RegoValue | undefined): v is RegoSet => v instanceof RegoSet;
export const isObject = (v: RegoValue | undefined): v is RegoObject => v instanceof RegoObject;

/** bigint inside the safe range -> number; everything else unchanged. */
export function normalizeNumber(n: RegoNumber): RegoNumber {
  if (typeof n === 'bigint' && n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(n);
  return n;
}

/** Integer-valued number -> bigint (exact); non-integer -> undefined. */
export function toBigInt(n: RegoNumber): bigint | undefined {
  if (typeof n === 'bigint') return n;
  return Number.isInteger(n) ? BigInt(n) : undefined;
}

export function isInteger(n: RegoNumber): boolean {
  return typeof n === 'bigint' || Number.isInteger(n);
}

/** Canonical number text, as OPA prints JSON numbers (integers without exponent where exact). */
export function numberKey(n: RegoNumber): string {
  if (typeof n === 'bigint') return n.toString();
  if (Number.isSafeInteger(n)) return String(n === 0 ? 0 : n);
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return String(n);
}

/** Sort order across types, as in OPA: null < boolean < number < string < array < object < set. */
const TYPE_ORDER: Record<RegoTypeName, number> = { null: 0, boolean: 1, number: 2, string: 3, array: 4, object: 5, set: 6 };

export function compareNumbers(a: RegoNumber, b: RegoNumber): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const ai = toBigInt(a);
  const bi = toBigInt(b);
  if (ai !== undefined && bi !== undefined) return ai < bi ? -1 : ai > bi ? 1 : 0;
  const af = Number(a);
  const bf = Number(b);
  return af < bf ? -1 : af > bf ? 1 : 0;
}

function compareStrings(a: string, b: string): number {
  // OPA compares Go strings bytewise (UTF-8), which is code point order. Code units compare the same way up to the first
  // difference unless a surrogate is involved there (a code point above U+FFFF must sort after U+E000-U+FFFF).
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if ((x >= 0xd800 && x <= 0xdfff) || (y >= 0xd800 && y <= 0xdfff)) return compareCodePoints(a, b);
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : 1;
}

function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

/** Total order over Rego values (OPA's ast.Compare). */
export function compare(a: RegoValue, b: RegoValue): number {
  const ta = typeName(a);
  const tb = typeName(b);
  if (ta !== tb) return TYPE_ORDER[ta] - TYPE_ORDER[tb];
  switch (ta) {
    case 'null':
      return 0;
    case 'boolean':
      return a === b ? 0 : a === false ? -1 : 1;
    case 'number':
      return compareNumbers(a as RegoNumber, b as RegoNumber);
    case 'string':
      return compareStrings(a as string, b as string);
    case 'array': {
      const x = a as readonly RegoValue[];
      const y = b as readonly RegoValue[];
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = compare(x[i]!, y[i]!);
        if (c !== 0) return c;
      }
      return x.length - y.length;
    }
    case 'object': {
      const x = (a as RegoObject).sortedEntries();
      const y = (b as RegoObject).sortedEntries();
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const ck = compare(x[i]![0], y[i]![0]);
        if (ck !== 0) return ck;
        const cv = compare(x[i]![1], y[i]![1]);
        if (cv !== 0) return cv;
      }
      return x.length - y.length;
    }
    case 'set': {
      const x = (a as RegoSet).sorted();
      const y = (b as RegoSet).sorted();
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = compare(x[i]!, y[i]!);
        if (c !== 0) return c;
      }
      return x.length - y.length;
    }
  }
}

export function equals(a: RegoValue, b: RegoValue): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return mapKey(a) === mapKey(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equals(a[i]!, b[i]!)) return false;
    return true;
  }
  if (a instanceof RegoObject) {
    if (!(b instanceof RegoObject) || a.size !== b.size || !sameCachedHash(a, b)) return false;
    for (const [k, v] of a) {
      const other = b.get(k);
      if (other === undefined || !equals(v, other)) return false;
    }
    return true;
  }
  if (!(b instanceof RegoSet) || (a as RegoSet).size !== b.size || !sameCachedHash(a as RegoSet, b)) return false;
  for (const v of a as RegoSet) if (!b.has(v)) return false;
  return true;
}

/** False only when both hashes are known and differ (then the values differ). */
function sameCachedHash(a: RegoObject | RegoSet, b: RegoObject | RegoSet): boolean {
  return a.cachedHash === undefined || b.cachedHash === undefined || a.cachedHash === b.cachedHash;
}

/**
 * A structural hash of a value's first two levels: equal values (per `equals`) hash alike; cached on sets and objects.
 * Scalars inside hash fully (long strings sampled), composites inside by their kind and size only, so hashing a large
 * object (a resource change) visits only its own entries. A hash only narrows the candidates `equals` decides between
 * (a set keeps many equal hashes apart by their canonical text, see `RegoSet`).
 */
export function hashValue(v: RegoValue): number {
  if (v === null || typeof v !== 'object') return hashScalar(v);
  if (Array.isArray(v)) {
    let h = 0x68e31da4 ^ v.length;
    for (const x of v) h = mix(Math.imul(h, 31) + hashInner(x));
    return h;
  }
  const c = v as RegoObject | RegoSet;
  if (c.cachedHash !== undefined) return c.cachedHash;
  // Unordered: sum of the entries' hashes.
  let sum = 0;
  if (c instanceof RegoObject) for (const [k, x] of c) sum = (sum + mix(Math.imul(hashInner(k), 0x9e3779b1) + hashInner(x))) | 0;
  else for (const x of c) sum = (sum + hashInner(x)) | 0;
  const h = mix(sum ^ Math.imul(c.size, 0x85ebca6b) ^ (c instanceof RegoObject ? 0x3c6ef372 : 0x1f83d9ab));
  c.cachedHash = h;
  return h;
}

/** A value inside a composite being hashed: a scalar's hash, or a composite's kind and size. */
function hashInner(v: RegoValue): number {
  if (v === null || typeof v !== 'object') return hashScalar(v);
  if (Array.isArray(v)) return mix(0x68e31da4 ^ v.length);
  return mix((v instanceof RegoObject ? 0x3c6ef372 : 0x1f83d9ab) ^ Math.imul((v as RegoObject | RegoSet).size, 0x85ebca6b));
}

function hashScalar(v: null | boolean | RegoNumber | string): number {
  if (v === null) return 0x1b873593;
  switch (typeof v) {
    case 'boolean':
      return v ? 0x2c1b3c6d : 0x297a2d39;
    case 'string':
      return hashString(v);
    case 'number':
      if (Number.isSafeInteger(v)) return mix(v | 0) ^ mix((v / 0x100000000) | 0) ^ 0x5bd1e995;
      return hashString(numberKey(v)) ^ 0x5bd1e995;
    default: {
      const n = normalizeNumber(v);
      return typeof n === 'number' ? hashScalar(n) : hashString(numberKey(n)) ^ 0x5bd1e995;
    }
  }
}

function hashString(s: string): number {
  let h = 0x811c9dc5 ^ s.length;
  const step = s.length <= 64 ? 1 : Math.floor(s.length / 32);
  for (let i = 0; i < s.length; i += step) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  if (step > 1) h = Math.imul(h ^ s.charCodeAt(s.length - 1), 0x01000193);
  return mix(h);
}

function mix(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/**
 * Canonical key: equal values (per Rego) <=> equal keys. 1 and 1.0 are equal numbers in Rego.
 * Cached on sets/objects. Composite keys start with \u0001 (see `mapKey`).
 */
export function valueKey(v: RegoValue): string {
  if (v === null) return 'n';
  switch (typeof v) {
    case 'boolean':
      return v ? 't' : 'f';
    case 'number':
    case 'bigint':
      return `#${numberKey(v)}`;
    case 'string':
      return JSON.stringify(v);
  }
  if (Array.isArray(v)) return `\u0001[${v.map(valueKey).join(',')}]`;
  return (v as RegoSet | RegoObject).key();
}

/**
 * The key under which sets and objects store a value (JS Map semantics: equal keys <=> equal Rego values). Scalars
 * are their own key, so the common lookups (a string key of an object) build no string: a string as it is (one that
 * starts with \u0001 gets a second one in front), a number as itself (an integer beyond 2^53 as a bigint, as
 * `numberKey` compares them); a composite value is its canonical `valueKey`, which starts with \u0001 and then a
 * bracket, so it meets no string's key.
 */
function mapKey(v: RegoValue): unknown {
  switch (typeof v) {
    case 'string':
      return v.charCodeAt(0) === 1 ? `\u0001${v}` : v;
    case 'number':
      return Number.isInteger(v) && !Number.isSafeInteger(v) && Math.abs(v) < 1e21 ? BigInt(v) : v;
    case 'bigint':
      return normalizeNumber(v);
    case 'boolean':
      return v;
  }
  if (v === null) return null;
  return valueKey(v);
}

/** Composites of one set with the same hash compared one by one up to this many; above, by canonical text. */
const MAX_BUCKET = 8;

/**
 * Elements a set keeps in a flat list (compared one by one) before it indexes them in Maps. Most sets an evaluation
 * builds hold one to a few elements (the library's index rules make one per resource: its changes, its neighbours); a
 * Map, with the hash buckets of its composites, cost ~450 bytes even for one element.
 */
const SMALL_SET = 8;

/** The elements of every empty set (never written: a set's first element makes a list of its own). */
const NO_ELEMENTS: RegoValue[] = [];

export class RegoSet {
  /**
   * A small set's elements in insertion order, allocated at their exact number (see `SMALL_SET`); undefined once the
   * set has grown past it and `items` holds them.
   */
  private small: RegoValue[] | undefined = NO_ELEMENTS;
  /**
   * A larger set's elements in insertion order: a scalar under its `mapKey`, a composite under itself (the first of
   * equal composites added), so adding a large object (a resource change) builds no canonical text of it.
   */
  private items: Map<unknown, RegoValue> | undefined;
  /** The composite keys of `items` by `hashValue`; equal hashes are told apart with `equals`, or `texts` in a large bucket. */
  private composites: Map<number, RegoValue[]> | undefined;
  private texts: Map<number, Map<string, RegoValue>> | undefined;
  private cachedKey: string | undefined;
  private cachedSorted: RegoValue[] | undefined;
  /** @internal cached `hashValue` */
  cachedHash: number | undefined;

  constructor(values?: Iterable<RegoValue>) {
    if (values) for (const v of values) this.add(v);
  }
  get size(): number {
    return this.small ? this.small.length : this.items!.size;
  }
  has(v: RegoValue): boolean {
    if (this.small) return smallIndex(this.small, v) >= 0;
    if (v === null || typeof v !== 'object') return this.items!.has(mapKey(v));
    return this.compositeKey(v) !== undefined;
  }
  /** Mutating add: only while building a new set (before it is shared). */
  add(v: RegoValue): this {
    const small = this.small;
    if (!small) this.addIndexed(v);
    else {
      const i = smallIndex(small, v);
      // An element equal to one in the set takes its place (as a Map keeps a key's place when its value is set).
      if (i >= 0) small[i] = v;
      else if (small.length < SMALL_SET) {
        const grown = new Array<RegoValue>(small.length + 1);
        for (let j = 0; j < small.length; j++) grown[j] = small[j]!;
        grown[small.length] = v;
        this.small = grown;
      } else {
        this.small = undefined;
        this.items = new Map();
        for (const e of small) this.addIndexed(e);
        this.addIndexed(v);
      }
    }
    this.cachedKey = undefined;
    this.cachedSorted = undefined;
    this.cachedHash = undefined;
    return this;
  }
  private addIndexed(v: RegoValue): void {
    const items = this.items!;
    if (v === null || typeof v !== 'object') items.set(mapKey(v), v);
    else {
      const existing = this.compositeKey(v);
      if (existing !== undefined) items.set(existing, v);
      else {
        items.set(v, v);
        this.composites ??= new Map();
        const hash = hashValue(v);
        const bucket = this.composites.get(hash);
        if (!bucket) this.composites.set(hash, [v]);
        else {
          bucket.push(v);
          if (bucket.length > MAX_BUCKET) this.byText(hash, bucket).set(valueKey(v), v);
        }
      }
    }
  }
  /** The key in `items` of the element equal to composite `v`, if any. */
  private compositeKey(v: RegoValue): RegoValue | undefined {
    if (this.items!.has(v)) return v;
    const hash = hashValue(v);
    const bucket = this.composites?.get(hash);
    if (!bucket) return undefined;
    if (bucket.length <= MAX_BUCKET) {
      for (const e of bucket) if (equals(e, v)) return e;
      return undefined;
    }
    return this.byText(hash, bucket).get(valueKey(v));
  }
  /** Composites sharing one hash, by canonical text: many equal hashes (values alike but deep inside) stay cheap to search. */
  private byText(hash: number, bucket: RegoValue[]): Map<string, RegoValue> {
    this.texts ??= new Map();
    let texts = this.texts.get(hash);
    if (!texts) {
      texts = new Map();
      for (const e of bucket) texts.set(valueKey(e), e);
      this.texts.set(hash, texts);
    }
    return texts;
  }
  values(): IterableIterator<RegoValue> {
    return this.small ? this.small.values() : this.items!.values();
  }
  [Symbol.iterator](): IterableIterator<RegoValue> {
    return this.values();
  }
  /** Elements in Rego sort order (cached). */
  sorted(): RegoValue[] {
    return (this.cachedSorted ??= [...this.values()].sort(compare));
  }
  key(): string {
    return (this.cachedKey ??= `\u0001{${this.sorted().map(valueKey).join(',')}}`);
  }
}

/** The index in a small set's elements of the one equal to `v` (as `RegoSet.has` decides), or -1. */
function smallIndex(small: readonly RegoValue[], v: RegoValue): number {
  if (v === null || typeof v !== 'object') {
    const key = mapKey(v);
    for (let i = 0; i < small.length; i++) {
      const e = small[i]!;
      if ((e === null || typeof e !== 'object') && mapKey(e) === key) return i;
    }
    return -1;
  }
  for (let i = 0; i < small.length; i++) if (small[i] === v) return i;
  let hash: number | undefined;
  for (let i = 0; i < small.length; i++) {
    const e = small[i]!;
    if (e === null || typeof e !== 'object') continue;
    hash ??= hashValue(v);
    if (hashValue(e) === hash && equals(e, v)) return i;
  }
  return -1;
}

/**
 * @internal An empty entries map that is never written: a subclass holding its entries elsewhere (a lazy object over a
 * JSON record) starts with it and replaces it before its first write, so it allocates no Map of its own until then.
 */
export const NO_ENTRIES: ReadonlyMap<unknown, [RegoValue, RegoValue]> = new Map();

export class RegoObject {
  /** The entries by `mapKey`; a subclass may share {@link NO_ENTRIES} here until its first write (see lazy-value.ts). */
  protected entriesMap: Map<unknown, [RegoValue, RegoValue]>;
  /** The canonical key once computed (a subclass computes it its own way: lazy-value.ts). */
  protected cachedKey: string | undefined;
  private cachedSorted: Array<[RegoValue, RegoValue]> | undefined;
  /** @internal cached `hashValue` */
  cachedHash: number | undefined;

  /** `entriesMap` is for subclasses only (@internal). */
  constructor(entries?: Iterable<readonly [RegoValue, RegoValue]>, entriesMap?: Map<unknown, [RegoValue, RegoValue]>) {
    this.entriesMap = entriesMap ?? new Map();
    if (entries) for (const [k, v] of entries) this.entriesMap.set(mapKey(k), [k, v]);
  }
  static fromRecord(record: Record<string, RegoValue>): RegoObject {
    return new RegoObject(Object.entries(record));
  }
  get size(): number {
    return this.entriesMap.size;
  }
  get(k: RegoValue): RegoValue | undefined {
    return this.entriesMap.get(mapKey(k))?.[1];
  }
  has(k: RegoValue): boolean {
    return this.entriesMap.has(mapKey(k));
  }
  /** Mutating set: only while building a new object (before it is shared). */
  set(k: RegoValue, v: RegoValue): this {
    this.entriesMap.set(mapKey(k), [k, v]);
    this.cachedKey = undefined;
    this.cachedSorted = undefined;
    this.cachedHash = undefined;
    return this;
  }
  delete(k: RegoValue): this {
    this.entriesMap.delete(mapKey(k));
    this.cachedKey = undefined;
    this.cachedSorted = undefined;
    this.cachedHash = undefined;
    return this;
  }
  keys(): IterableIterator<RegoValue> {
    return [...this.entriesMap.values()].map((e) => e[0])[Symbol.iterator]();
  }
  entries(): IterableIterator<[RegoValue, RegoValue]> {
    return this.entriesMap.values();
  }
  [Symbol.iterator](): IterableIterator<[RegoValue, RegoValue]> {
    return this.entriesMap.values();
  }
  /** Entries sorted by key in Rego order (cached). */
  sortedEntries(): Array<[RegoValue, RegoValue]> {
    return (this.cachedSorted ??= [...this.entriesMap.values()].sort((x, y) => compare(x[0], y[0])));
  }
  key(): string {
    return (this.cachedKey ??= `\u0001<${this.sortedEntries()
      .map(([k, v]) => `${valueKey(k)}:${valueKey(v)}`)
      .join(',')}>`);
  }
}

/** Rego equality with a fast path for scalars (1 and 1.0 are equal numbers). */
export function equalValues(a: RegoValue, b: RegoValue): boolean {
  if (a === b) return true;
  if (typeof a === 'string' || typeof b === 'string' || typeof a === 'boolean' || typeof b === 'boolean' || a === null || b === null) return false;
  if (isNumber(a) && isNumber(b)) return typeof a === typeof b ? a === b : equals(a, b);
  return equals(a, b);
}

/** value[key] for arrays (integer index), objects and sets (membership). */
export function lookup(value: RegoValue, key: RegoValue): RegoValue | undefined {
  if (Array.isArray(value)) {
    if (typeof key === 'number' && Number.isInteger(key) && key >= 0 && key < value.length) return value[key];
    return undefined;
  }
  if (value instanceof RegoObject) return value.get(key);
  if (value instanceof RegoSet) return value.has(key) ? key : undefined;
  return undefined;
}

export function lookupPath(value: RegoValue | undefined, path: readonly RegoValue[]): RegoValue | undefined {
  let v = value;
  for (const k of path) {
    if (v === undefined) return undefined;
    v = lookup(v, k);
  }
  return v;
}

/** A copy of `value` with `path` set to `replacement` (creating objects as needed). */
export function setPath(value: RegoValue | undefined, path: readonly RegoValue[], replacement: RegoValue): RegoValue {
  if (path.length === 0) return replacement;
  const [first, ...rest] = path as [RegoValue, ...RegoValue[]];
  if (Array.isArray(value) && typeof first === 'number' && first >= 0 && first < value.length) {
    const copy = value.slice();
    copy[first] = setPath(value[first], rest, replacement);
    return copy;
  }
  const obj = value instanceof RegoObject ? new RegoObject(value.entries()) : new RegoObject();
  obj.set(first, setPath(obj.get(first), rest, replacement));
  return obj;
}

/** JS JSON-ish value -> Rego value (objects become RegoObject with string keys; arrays recurse). */
export function fromJS(v: unknown): RegoValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'boolean':
    case 'string':
      return v;
    case 'number':
      return v;
    case 'bigint':
      return normalizeNumber(v);
  }
  if (Array.isArray(v)) return v.map(fromJS);
  if (v instanceof RegoSet || v instanceof RegoObject) return v;
  if (v instanceof Set) return new RegoSet([...v].map(fromJS));
  if (v instanceof Map) return new RegoObject([...v].map(([k, x]) => [fromJS(k), fromJS(x)] as const));
  const obj = new RegoObject();
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) obj.set(k, fromJS(x));
  return obj;
}

/**
 * Rego value -> JSON-compatible JS (as OPA serialises results): sets become sorted arrays, objects with
 * non-string keys get their keys serialised to JSON text, bigints stay bigint (use `toJSONText` to print).
 */
export function toJS(v: RegoValue): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(toJS);
  if (v instanceof RegoSet) return v.sorted().map(toJS);
  const out: Record<string, unknown> = {};
  for (const [k, x] of (v as RegoObject).sortedEntries()) out[typeof k === 'string' ? k : toJSONText(k)] = toJS(x);
  return out;
}

/**
 * `b` merged into `a` (a new object): keys of both whose values are both objects are merged the same way, otherwise
 * `b`'s value wins. OPA's `object.union` and the engine's data documents (`addData`) merge like this.
 */
export function mergeObjects(a: RegoObject, b: RegoObject): RegoObject {
  const out = new RegoObject(a.entries());
  for (const [k, v] of b) {
    const existing = out.get(k);
    out.set(k, existing instanceof RegoObject && v instanceof RegoObject ? mergeObjects(existing, v) : v);
  }
  return out;
}

/** JSON text of a Rego value, with exact big integers and sorted keys/sets (OPA's output order), strings as JSON.stringify writes them. */
export function toJSONText(v: RegoValue, indent?: number): string {
  return jsonText(v, JSON.stringify, indent ? ' '.repeat(indent) : undefined);
}

/**
 * JSON text of a Rego value as Go's json.Marshal writes ast.JSON(v): exact big integers, object keys and sets sorted
 * (sets as arrays, non-string keys as their own JSON text), strings written by `quote`; with `indent`, MarshalIndent's
 * layout, every line after the first starting with `prefix`. `toJSONText` and OPA's json builtins (`marshalJson`).
 */
export function jsonText(v: RegoValue, quote: (s: string) => string, indent?: string, prefix = ''): string {
  const render = (x: RegoValue, depth: number): string => {
    if (x === null) return 'null';
    switch (typeof x) {
      case 'boolean':
        return String(x);
      case 'number':
      case 'bigint':
        return numberKey(x);
      case 'string':
        return quote(x);
    }
    let items: string[];
    let open: string;
    if (Array.isArray(x) || x instanceof RegoSet) {
      const elems = Array.isArray(x) ? (x as readonly RegoValue[]) : x.sorted();
      items = elems.map((e) => render(e, depth + 1));
      open = '[';
    } else {
      items = (x as RegoObject)
        .sortedEntries()
        .map(([k, e]) => `${quote(typeof k === 'string' ? k : jsonText(k, quote))}:${indent !== undefined ? ' ' : ''}${render(e, depth + 1)}`);
      open = '{';
    }
    const close = open === '[' ? ']' : '}';
    if (items.length === 0) return open + close;
    if (indent === undefined) return open + items.join(',') + close;
    const inner = `\n${prefix}${indent.repeat(depth + 1)}`;
    return `${open}${inner}${items.join(`,${inner}`)}\n${prefix}${indent.repeat(depth)}${close}`;
  };
  return render(v, 0);
}
