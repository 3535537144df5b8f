/**
 * IaC-Eval's correctness verdict: the row's `rego_intent` is evaluated with query `data` on the plan JSON of
 * the generated script; the script is correct iff the resulting value tree contains no `false` leaf.
 * `value` is the JSON-compatible result of evaluating `data` (sets rendered as arrays).
 */
export function hasNoFalseLeaf(value: unknown, depth = 0): boolean {
  if (depth > 10_000) return false;
  if (value === false) return false;
  if (Array.isArray(value)) return value.every((v) => hasNoFalseLeaf(v, depth + 1));
  if (value !== null && typeof value === 'object') return Object.values(value).every((v) => hasNoFalseLeaf(v, depth + 1));
  return true;
}
