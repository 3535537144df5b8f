/** Rego source text of a value (how OPA prints terms: `{"a": 1}`, `{1, 2}`, `set()`), used by print and templates. */
import { numberKey, RegoObject, RegoSet, type RegoValue } from '../value.ts';

export function regoText(v: RegoValue): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return String(v);
    case 'number':
    case 'bigint':
      return numberKey(v);
    case 'string':
      return JSON.stringify(v);
  }
  if (Array.isArray(v)) return `[${v.map(regoText).join(', ')}]`;
  if (v instanceof RegoSet) return v.size === 0 ? 'set()' : `{${v.sorted().map(regoText).join(', ')}}`;
  return `{${(v as RegoObject)
    .sortedEntries()
    .map(([k, x]) => `${regoText(k)}: ${regoText(x)}`)
    .join(', ')}}`;
}

/** print()/template rendering: top-level strings are printed raw. */
export function printText(v: RegoValue): string {
  return typeof v === 'string' ? v : regoText(v);
}
