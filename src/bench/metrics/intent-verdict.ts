import { RegoObject, RegoSet, type RegoValue } from '../../rego/value.ts';

/**
 * IaC-Eval's correctness verdict (its harness, `evaluation/eval.py`): evaluate the row's `rego_intent` with query
 * `data` on the plan JSON; collect the leaves of the result as its `dict_generator` does (object values
 * recursively; elements of arrays/sets, recursing only into objects); the script is correct iff no leaf is
 * `false` — in Python `False in leaves` also matches the number 0.
 */
export function intentLeaves(value: RegoValue, out: RegoValue[] = [], depth = 0): RegoValue[] {
  if (depth > 1_000 || !(value instanceof RegoObject)) {
    out.push(value);
    return out;
  }
  for (const [, x] of value.sortedEntries()) {
    if (x instanceof RegoObject) intentLeaves(x, out, depth + 1);
    else if (Array.isArray(x) || x instanceof RegoSet) for (const e of x as Iterable<RegoValue>) intentLeaves(e, out, depth + 1);
    else out.push(x);
  }
  return out;
}

export function intentSatisfied(value: RegoValue | undefined): boolean {
  if (value === undefined) return false;
  return !intentLeaves(value).some((x) => x === false || x === 0);
}
