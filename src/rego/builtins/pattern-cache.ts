/**
 * Compiled patterns (regular expressions, globs) shared by every evaluation of the process. A compiled RE2JS pattern
 * is immutable (each use makes its own matcher), so an evaluation may reuse one another evaluation compiled: a scan
 * runs the same library patterns on every input, and compiling them once per query cost more than matching.
 * Bounded: when full, the least recently used pattern is dropped, so hostile policies building patterns from input
 * cannot grow it without limit, and the library's patterns (used on every input) stay.
 */
export class PatternCache {
  /** In order of last use, least recent first (a hit moves its key to the end). */
  private readonly patterns = new Map<string, unknown>();
  /** The key used last (already at the end: a run of hits on one key moves nothing). */
  private newest: string | undefined;

  constructor(readonly maxPatterns: number) {}

  get size(): number {
    return this.patterns.size;
  }

  /** The keys, least recently used first. */
  keys(): string[] {
    return [...this.patterns.keys()];
  }

  /** The value cached under `key`, or `compile()`'s result (cached; a throw is not cached). */
  get<T>(key: string, compile: () => T): T {
    const hit = this.patterns.get(key);
    if (hit !== undefined) {
      if (key !== this.newest) {
        this.patterns.delete(key);
        this.patterns.set(key, hit);
        this.newest = key;
      }
      return hit as T;
    }
    const value = compile();
    if (this.patterns.size >= this.maxPatterns) this.patterns.delete(this.patterns.keys().next().value!);
    this.patterns.set(key, value);
    this.newest = key;
    return value;
  }
}

/** The process's cache. */
export const sharedPatterns = new PatternCache(512);

/** The value cached under `key` in the process's cache, or `compile()`'s result (see `PatternCache.get`). */
export function cachedPattern<T>(key: string, compile: () => T): T {
  return sharedPatterns.get(key, compile);
}
