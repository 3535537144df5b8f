import { compare, fromJS, NO_ENTRIES, RegoObject, valueKey, type RegoValue } from './value.ts';

/**
 * A JS JSON-ish value as a Rego value without copying it up front (`fromJS` copies the whole document): an object
 * becomes a {@link LazyObject} that reads its record on lookup and converts a member only when it is read; arrays
 * are converted element by element (an array of scalars is used as it is). Equal to `fromJS(v)` as a Rego value
 * (same members, same iteration order, same canonical key). The record must not change while the value is in use.
 *
 * Why: a scan's input (the plan, ~1 KB of JSON per resource) copied into Rego objects cost ~9x its JSON size, and a
 * policy reads a few paths of each resource. Used for the scanner's plan input.
 */
export function fromJSLazy(v: unknown): RegoValue {
  if (v === null || v === undefined || typeof v !== 'object') return fromJS(v);
  if (Array.isArray(v)) return v.every(isPlainScalar) ? (v as RegoValue[]) : v.map(fromJSLazy);
  if (v instanceof RegoObject || v instanceof Set || v instanceof Map || !(Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)) return fromJS(v);
  return new LazyObject(v as Record<string, unknown>);
}

/** A value `fromJS` returns unchanged (so an array of them needs no copy). */
function isPlainScalar(x: unknown): boolean {
  return typeof x === 'string' || typeof x === 'boolean' || typeof x === 'number' || x === null;
}

const enumerable = Object.prototype.propertyIsEnumerable;
type Entries = Map<unknown, [RegoValue, RegoValue]>;

/** Converted composite members a lazy object keeps in a flat list before it moves them into a Map. */
const LIST_MAX = 8;

/**
 * A Rego object over a JS record. Lookups by string key read the record; a composite member is converted once, when it
 * is first looked up, and kept (so looking it up again gives the same value): the first few in a flat
 * `[key, value, ...]` list of its exact size (most plan objects have one to four composite members; a Map with its
 * `[key, value]` pairs costs ~250 bytes for one), more in the object's own entries Map. Until then the object has no
 * entries Map at all (it shares the empty `NO_ENTRIES`). Reading every entry (iteration, hashing, sorting, `walk`)
 * builds the pairs from the record each time instead of keeping them, and converts the members no lookup kept for that
 * reading only: an ordinary `RegoObject` keeps a Map slot and a `[key, value]` pair per member (~100 bytes), and a
 * scan's input reads most objects whole once or twice (the library's index sets hash every resource change and
 * configuration entry, `walk` visits every expression of every resource: kept, those conversions were ~10 MB of a
 * 20,000-resource scan's live memory). Only a change (set, delete) puts all entries into
 * the object, in the record's order, and from then on it is an ordinary `RegoObject`. The canonical key is computed
 * from the record without keeping the members' own keys.
 */
class LazyObject extends RegoObject {
  private record: Record<string, unknown> | undefined;
  /** The first composite members converted, as key, value, key, value; undefined when none or once in the Map. */
  private converted: RegoValue[] | undefined;

  constructor(record: Record<string, unknown>) {
    super(undefined, NO_ENTRIES as Entries);
    this.record = record;
  }

  private member(k: string): RegoValue {
    const known = this.known(k);
    if (known !== undefined) return known;
    const value = fromJSLazy(this.record![k]);
    if (value !== null && typeof value === 'object') this.keep(k, value);
    return value;
  }

  /** The member `k` as converted and kept before, or undefined. */
  private known(k: string): RegoValue | undefined {
    const list = this.converted;
    if (list) {
      for (let i = 0; i < list.length; i += 2) if (list[i] === k) return list[i + 1]!;
    } else if (this.entriesMap !== NO_ENTRIES) {
      return super.get(k);
    }
    return undefined;
  }

  private keep(k: string, value: RegoValue): void {
    const list = this.converted;
    if (this.entriesMap !== NO_ENTRIES) {
      super.set(k, value);
    } else if (!list) {
      this.converted = [k, value];
    } else if (list.length < 2 * LIST_MAX) {
      // A list of its exact size (`push` would leave room for ~16 more members: most objects never get them).
      const grown = new Array<RegoValue>(list.length + 2);
      for (let i = 0; i < list.length; i++) grown[i] = list[i]!;
      grown[list.length] = k;
      grown[list.length + 1] = value;
      this.converted = grown;
    } else {
      this.entriesMap = new Map();
      for (let i = 0; i < list.length; i += 2) super.set(list[i]!, list[i + 1]!);
      this.converted = undefined;
      super.set(k, value);
    }
  }

  /**
   * The entries in the record's order (fresh pairs: not kept). A member `get` converted before is that value; any other
   * is converted for this reading only, and not kept.
   */
  private pairs(record: Record<string, unknown>): Array<[RegoValue, RegoValue]> {
    return Object.keys(record).map((k) => [k, this.known(k) ?? fromJSLazy(record[k])]);
  }

  /** Puts every entry into the object (record order); afterwards the base class does everything. */
  private materialize(): void {
    const record = this.record;
    if (!record) return;
    const members = this.pairs(record);
    this.record = undefined;
    this.converted = undefined;
    this.entriesMap = new Map();
    for (const [k, v] of members) super.set(k, v);
  }

  override get size(): number {
    return this.record ? Object.keys(this.record).length : super.size;
  }
  override get(k: RegoValue): RegoValue | undefined {
    if (!this.record) return super.get(k);
    return typeof k === 'string' && enumerable.call(this.record, k) ? this.member(k) : undefined;
  }
  override has(k: RegoValue): boolean {
    if (!this.record) return super.has(k);
    return typeof k === 'string' && enumerable.call(this.record, k);
  }
  override set(k: RegoValue, v: RegoValue): this {
    this.materialize();
    return super.set(k, v);
  }
  override delete(k: RegoValue): this {
    this.materialize();
    return super.delete(k);
  }
  override keys(): IterableIterator<RegoValue> {
    return this.record ? Object.keys(this.record)[Symbol.iterator]() : super.keys();
  }
  override entries(): IterableIterator<[RegoValue, RegoValue]> {
    return this.record ? this.pairs(this.record)[Symbol.iterator]() : super.entries();
  }
  override [Symbol.iterator](): IterableIterator<[RegoValue, RegoValue]> {
    return this.entries();
  }
  override sortedEntries(): Array<[RegoValue, RegoValue]> {
    return this.record ? this.pairs(this.record).sort((x, y) => compare(x[0], y[0])) : super.sortedEntries();
  }
  override key(): string {
    if (!this.record) return super.key();
    // A throw-away copy: its members' keys are garbage as soon as this one is built.
    return (this.cachedKey ??= valueKey(fromJS(this.record)));
  }
}
