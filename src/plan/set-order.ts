import { crc32 } from 'node:zlib';
import { Sensitive, Unknown, isWhollyKnown, sortedKeys, valuesIdentical, type TfValue } from '../terraform/eval/value.ts';

/**
 * Orders set elements the way cty iterates a set: by the CRC-32 of each element's canonical hash text
 * (the bucket id), then stably by cty's `Less`: known before unknown, strings lexically, numbers
 * ascending, false before true, anything else by its hash text bytes. Duplicate known elements are
 * removed. This is the order Terraform writes sets in plan JSON.
 */
export function orderSet(items: TfValue[]): TfValue[] {
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

/** cty's `appendSetHashBytes` text for a value. */
export function setHashText(value: TfValue): string {
  if (value instanceof Sensitive) return setHashText(value.value);
  if (value instanceof Unknown) return '?';
  if (value === null) return '~';
  switch (typeof value) {
    case 'boolean':
      return value ? 'T' : 'F';
    case 'number':
      return goFloatText(value);
    case 'string':
      return goQuoteFull(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => `${setHashText(v)};`).join('')}]`;
  return `<${sortedKeys(value)
    .map((k) => `${setHashText(value[k]!)};`)
    .join('')}>`;
}

/** big.Float.String(): `%.10g`. */
function goFloatText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e10) return String(n);
  let s = n.toPrecision(10);
  if (s.includes('e')) {
    const [mantissa, exp] = s.split('e') as [string, string];
    const m = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
    const e = Number(exp);
    return `${m}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s;
}

/** Go's %q for arbitrary text (non-printable runes escaped). */
function goQuoteFull(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code === 0x07) out += '\\a';
    else if (code === 0x08) out += '\\b';
    else if (code === 0x0c) out += '\\f';
    else if (code === 0x0b) out += '\\v';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}
