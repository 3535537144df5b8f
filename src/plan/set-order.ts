import { crc32 } from 'node:zlib';
import { Sensitive, Unknown, isWhollyKnown, setHashText, valuesIdentical, type TfValue } from '../terraform/eval/value.ts';

export { setHashText };

/**
 * Orders set elements the way cty iterates a set: by the CRC-32 of each element's canonical hash text
 * (the bucket id), then stably by cty's `Less`: known before unknown, strings lexically, numbers
 * ascending, false before true, anything else by its hash text bytes. Duplicate known elements are
 * removed. This is the order Terraform writes sets in plan JSON.
 */
export function orderSet(items: TfValue[]): TfValue[] {
  // Nothing to order or deduplicate (most sets written in a configuration hold one element).
  if (items.length < 2) return items.slice();
  const unique: TfValue[] = [];
  for (const item of items) {
    if (isWhollyKnown(item) && unique.some((u) => valuesIdentical(u, item))) continue;
    unique.push(item);
  }
  const keyed = unique.map((value, index) => {
    const text = setHashText(value);
    return { value, index, text, bytes: Buffer.from(text, 'utf8'), hash: crc32(Buffer.from(text, 'utf8')), known: !(value instanceof Unknown) };
  });
  keyed.sort((a, b) => a.hash - b.hash || a.index - b.index);
  // cty then sorts stably with its Less: known before unknown; other types by their hash bytes.
  keyed.sort((a, b) => (a.known !== b.known ? (a.known ? -1 : 1) : Buffer.compare(a.bytes, b.bytes)));
  const ordered = keyed.map((k) => k.value);
  const plain = ordered.map((v) => (v instanceof Sensitive ? v.value : v));
  if (plain.every((v) => typeof v === 'string')) return sortStable(ordered, plain, (a, b) => ((a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0));
  if (plain.every((v) => typeof v === 'number')) return sortStable(ordered, plain, (a, b) => (a as number) - (b as number));
  if (plain.every((v) => typeof v === 'boolean')) return sortStable(ordered, plain, (a, b) => Number(a) - Number(b));
  return ordered;
}

function sortStable(values: TfValue[], keys: TfValue[], compare: (a: TfValue, b: TfValue) => number): TfValue[] {
  return values
    .map((value, i) => ({ value, key: keys[i]! }))
    .sort((a, b) => compare(a.key, b.key))
    .map((x) => x.value);
}
