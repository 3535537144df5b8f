/** One evaluation scope: input, `with` overrides of data and functions, and the virtual-document cache. */
import type { RegoValue } from '../value.ts';

export type FunctionOverride = { kind: 'value'; value: RegoValue } | { kind: 'function'; name: string };

export interface DataOverride {
  /** Absolute path: ['data', 'a', 'b']. */
  readonly path: readonly string[];
  readonly value: RegoValue;
}

export class EvalContext {
  /** Materialised virtual documents by rule-node id (`null` = undefined). */
  readonly cache = new Map<number, RegoValue | null>();
  readonly inProgress = new Set<number>();
  /**
   * Results of user function calls by rule-node id, then by first argument, then (functions of several parameters,
   * see `addCall` in rules.ts) by the other arguments (a scalar by value, a composite by identity: the same object
   * passed again, e.g. one resource change, hits; an equal copy only misses). OPA memoises function results per query
   * the same way (with `with` starting a fresh scope). A call whose first argument is a composite value is kept in
   * `objectCalls`, by that value weakly: once nothing else holds the value it cannot be passed again, and its calls
   * go with it (a library function called with a value its caller just built, e.g. `as_list(json.unmarshal(text))`,
   * otherwise kept every such value to the end of the scan: ~9 MB of a 20,000-resource scan's live memory).
   */
  readonly calls = new Map<number, Map<unknown, unknown>>();
  readonly objectCalls = new Map<number, WeakMap<object, unknown>>();
  constructor(
    readonly input: RegoValue | undefined,
    readonly dataOverrides: readonly DataOverride[],
    readonly functionOverrides: ReadonlyMap<string, FunctionOverride>,
  ) {}

  /** The override whose path is a prefix of (or equal to) `path`. Later (inner) overrides win. */
  covering(path: readonly string[]): DataOverride | undefined {
    for (let i = this.dataOverrides.length - 1; i >= 0; i--) {
      const o = this.dataOverrides[i]!;
      if (o.path.length <= path.length && o.path.every((k, j) => path[j] === k)) return o;
    }
    return undefined;
  }

  /** Overrides strictly below `path`. */
  below(path: readonly string[]): DataOverride[] {
    return this.dataOverrides.filter((o) => o.path.length > path.length && path.every((k, j) => o.path[j] === k));
  }
}
