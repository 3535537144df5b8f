/**
 * Compiled patterns (regular expressions, globs) shared by every evaluation of the process. A compiled RE2JS pattern
 * is immutable (each use makes its own matcher), so an evaluation may reuse one another evaluation compiled: a scan
 * runs the same library patterns on every input, and compiling them once per query cost more than matching.
 * Bounded: when full, the oldest half is dropped (insertion order), so hostile policies building patterns from input
 * cannot grow it without limit.
 */
const MAX_PATTERNS = 512;
const patterns = new Map<string, unknown>();

/** The value cached under `key`, or `compile()`'s result (cached; a throw is not cached). */
export function cachedPattern<T>(key: string, compile: () => T): T {
  const hit = patterns.get(key);
  if (hit !== undefined) return hit as T;
  const value = compile();
  if (patterns.size >= MAX_PATTERNS) {
    let drop = patterns.size >> 1;
    for (const k of patterns.keys()) {
      if (drop-- <= 0) break;
      patterns.delete(k);
    }
  }
  patterns.set(key, value);
  return value;
}
