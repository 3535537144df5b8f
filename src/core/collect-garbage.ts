import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/** Bytes of this thread's heap in use now (live and not yet collected). */
export function heapInUse(): number {
  return getHeapStatistics().used_heap_size;
}

/**
 * Runs a full garbage collection of this thread's heap now, when the heap in use has grown by more than `minHeapBytes`
 * since `since` (a `heapInUse()` taken when the work that released memory began; 0: counted from nothing); true if it
 * ran. Counting the growth, not the whole heap, keeps a run of many small pieces of work (a repository of 500 roots,
 * whose process holds the earlier roots' results) from collecting after each one: a full collection costs ~10-90 ms.
 *
 * Why: V8 sets the heap's next limit at each full collection to a multiple (up to ~4x) of what was live then, and a
 * phase that allocates much (the Rego evaluation of a scan) grows the heap to that limit before collecting again. Once
 * a large structure has been released (the loaded model, before a scan's evaluation), collecting at once sets the
 * limit from what the next phase needs; otherwise it stays at the multiple of the last collection's live set, taken
 * while the structure was live. `gc` is not exposed to scripts by default: it is taken from a fresh context made with
 * V8's `--expose-gc` flag (set for that moment only; the process's own context is unchanged).
 */
export function collectGarbage(minHeapBytes = 0, since = 0): boolean {
  if (heapInUse() - since <= minHeapBytes) return false;
  if (!collect) {
    setFlagsFromString('--expose-gc');
    try {
      collect = runInNewContext('gc') as () => void;
    } finally {
      setFlagsFromString('--no-expose-gc');
    }
  }
  collect();
  return true;
}
