/** Rego source text of a value, as OPA's `ast.Value.String()` renders it (used by sprintf and string templates). */
import { goQuote } from '../../core/go-quote.ts';
import { numberKey, RegoObject, RegoSet, type RegoValue } from '../value.ts';

export { goQuote };

export function regoText(v: RegoValue): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return String(v);
    case 'number':
    case 'bigint':
      return numberKey(v);
    case 'string':
      return goQuote(v);
  }
  if (Array.isArray(v)) return `[${(v as readonly RegoValue[]).map(regoText).join(', ')}]`;
  if (v instanceof RegoSet) return v.size === 0 ? 'set()' : `{${v.sorted().map(regoText).join(', ')}}`;
  return `{${(v as RegoObject)
    .sortedEntries()
    .map(([k, x]) => `${regoText(k)}: ${regoText(x)}`)
    .join(', ')}}`;
}
