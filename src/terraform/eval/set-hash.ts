import { goQuote } from '../../core/go-quote.ts';
import { Sensitive, sortedKeys, type TfValue, Unknown } from './value.ts';

/**
 * The text cty hashes set elements by (`appendSetHashBytes`). cty iterates a set of non-primitive
 * elements in the byte order of these texts, so `for` over `toset([...objects])` visits them in this order.
 * Objects list only their attribute values in key order (`<v1;v2;>`), sequences `[v1;v2;]`, strings are Go
 * quoted, numbers use `%.10g`, `T`/`F`, `~` for null, `?` for unknown.
 */
export function setHashText(value: TfValue): string {
  if (value instanceof Sensitive) return setHashText(value.value);
  if (value instanceof Unknown) return '?';
  if (value === null) return '~';
  if (typeof value === 'boolean') return value ? 'T' : 'F';
  if (typeof value === 'number') return tenDigits(value);
  if (typeof value === 'string') return goQuote(value);
  if (Array.isArray(value)) return `[${value.map((v) => `${setHashText(v)};`).join('')}]`;
  return `<${sortedKeys(value)
    .map((k) => `${setHashText(value[k]!)};`)
    .join('')}>`;
}

/** Go's `%.10g` (big.Float.String). */
function tenDigits(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (Number.isInteger(n) && Math.abs(n) < 1e10) return String(n);
  const exp = n === 0 ? 0 : Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 10) {
    const [m, e] = n.toExponential(9).split('e') as [string, string];
    const mant = m.replace(/\.?0+$/, '');
    const ev = Number(e);
    return `${mant}e${ev < 0 ? '-' : '+'}${String(Math.abs(ev)).padStart(2, '0')}`;
  }
  return String(Number(n.toPrecision(10)));
}

/** Orders known non-primitive set elements as cty iterates them. */
export function compareSetHash(a: TfValue, b: TfValue): number {
  return Buffer.compare(Buffer.from(setHashText(a), 'utf8'), Buffer.from(setHashText(b), 'utf8'));
}
