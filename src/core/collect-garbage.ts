import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/**
 * Runs a full garbage collection of this thread's heap now, when more than `minHeapBytes` of it is in use; true if it
 * ran.
 *
 * Why: V8 sets the heap's next limit at each full collection to a multiple (up to ~4x) of what was live then, and a
 * phase that allocates much (the Rego evaluation of a scan) grows the heap to that limit before collecting again. Once
 * a large structure has been released (the loaded model, before a scan's evaluation), collecting at once sets the
 * limit from what the next phase needs; otherwise it stays at the multiple of the last collection's live set, taken
 * while the structure was live. `gc` is not exposed to scripts by default: it is taken from a fresh context made with
 * V8's `--expose-gc` flag (set for that moment only; the process's own context is unchanged).
 */
export function collectGarbage(minHeapBytes = 0): boolean {
  if (getHeapStatistics().used_heap_size <= minHeapBytes) return false;
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
