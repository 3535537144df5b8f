/** OPA category `strings` (except sprintf, strings.render_template and string interpolation, in their own files). */
import { BuiltinError } from './define-builtin.ts';
import { defineCategory } from './builtin.ts';
import { elementError, intOperand, numberOperand, objectOperand, operandError, stringOperand, stringSliceOperand, typeError } from './operands.ts';
import { RegoSet, toBigInt, type RegoValue } from '../value.ts';

const builtin = defineCategory('strings');

const codePoints = (s: string): string[] => [...s];

/** Go's unicode.IsSpace. */
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;

function trimCut(s: string, cutset: string, left: boolean, right: boolean): string {
  const cut = new Set(codePoints(cutset));
  const chars = codePoints(s);
  let start = 0;
  let end = chars.length;
  if (left) while (start < end && cut.has(chars[start]!)) start++;
  if (right) while (end > start && cut.has(chars[end - 1]!)) end--;
  return chars.slice(start, end).join('');
}

/** Index (in code points) of each match of `search` in `base`, overlapping, like OPA's indexof_n. */
function indexesOf(base: string, search: string): number[] {
  const chars = codePoints(base);
  const needle = codePoints(search);
  const out: number[] = [];
  for (let i = 0; i + needle.length <= chars.length; i++) {
    let ok = true;
    for (let j = 0; j < needle.length && ok; j++) ok = chars[i + j] === needle[j];
    if (ok) out.push(i);
  }
  return out;
}

/** Go's strings.Split (empty separator splits into code points). */
function goSplit(s: string, sep: string): string[] {
  return sep === '' ? codePoints(s) : s.split(sep);
}

/** Go's strings.Replace with n = -1 (empty `old` inserts at every code point boundary). */
function replaceAll(s: string, old: string, replacement: string): string {
  if (old === '') return [replacement, ...codePoints(s).flatMap((c) => [c, replacement])].join('');
  return s.split(old).join(replacement);
}

/**
 * Go's strings.NewReplacer: scanning left to right, at each position the first pattern (in argument order) that
 * matches is replaced; an empty pattern matches once between any two characters.
 */
function replaceMany(s: string, pairs: ReadonlyArray<readonly [string, string]>): string {
  let out = '';
  let previousEmpty = false;
  for (let i = 0; i <= s.length; ) {
    const match = pairs.find(([old]) => (old === '' ? !previousEmpty : s.startsWith(old, i)));
    if (match) {
      out += match[1];
      previousEmpty = match[0] === '';
      i += match[0].length;
      continue;
    }
    previousEmpty = false;
    if (i < s.length) out += s[i];
    i++;
  }
  return out;
}

function stringsOrCollection(v: RegoValue | undefined, position: number): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) || v instanceof RegoSet) {
    const items = Array.isArray(v) ? (v as readonly RegoValue[]) : v.sorted();
    return items.map((x) => {
      if (typeof x !== 'string') throw elementError(position, v, x, 'string');
      return x;
    });
  }
  throw typeError(position, v ?? null, 'string', 'set', 'array');
}

/**
 * Go's strings.ToLower/ToUpper map each rune on its own (simple case mapping): a character whose full mapping is
 * several characters (ß -> SS, İ -> i̇) keeps a one-rune mapping or stays as it is.
 */
function simpleCase(s: string, map: (c: string) => string): string {
  let out = '';
  for (const c of s) {
    const mapped = map(c);
    if ([...mapped].length === 1) out += mapped;
    else if (c === '\u0130') out += 'i';
    else out += c;
  }
  return out;
}

function formatInt(n: bigint, base: number): string {
  return n.toString(base);
}

export const stringBuiltins = [
  builtin('concat', ([d, items]) => {
    const delimiter = stringOperand(d, 1);
    if (!Array.isArray(items) && !(items instanceof RegoSet)) throw typeError(2, items ?? null, 'set', 'array');
    return stringSliceOperand(items, 2).join(delimiter);
  }),
  builtin('contains', ([s, sub]) => stringOperand(s, 1).includes(stringOperand(sub, 2))),
  builtin('startswith', ([s, p]) => stringOperand(s, 1).startsWith(stringOperand(p, 2))),
  builtin('endswith', ([s, p]) => stringOperand(s, 1).endsWith(stringOperand(p, 2))),
  builtin('lower', ([s]) => simpleCase(stringOperand(s, 1), (c) => c.toLowerCase())),
  builtin('upper', ([s]) => simpleCase(stringOperand(s, 1), (c) => c.toUpperCase())),
  builtin('format_int', ([n, b]) => {
    const value = numberOperand(n, 1);
    const base = numberOperand(b, 2);
    if (base !== 2 && base !== 8 && base !== 10 && base !== 16) throw operandError(2, 'must be one of {2, 8, 10, 16}');
    const integer = toBigInt(value) ?? BigInt(Math.trunc(Number(value)));
    return formatInt(integer, base);
  }),
  builtin('indexof', ([s, sub]) => {
    const search = stringOperand(sub, 2);
    const base = stringOperand(s, 1);
    if (search === '') throw new BuiltinError('empty search character');
    const found = indexesOf(base, search);
    return found.length === 0 ? -1 : found[0]!;
  }),
  builtin('indexof_n', ([s, sub]) => {
    const base = stringOperand(s, 1);
    const search = stringOperand(sub, 2);
    if (search === '') throw new BuiltinError('empty search character');
    return indexesOf(base, search);
  }),
  builtin('replace', ([s, old, replacement]) =>
    replaceAll(stringOperand(s, 1), stringOperand(old, 2), stringOperand(replacement, 3)),
  ),
  builtin(
    'strings.replace_n',
    ([patterns, s]) => {
      const obj = objectOperand(patterns, 1);
      const pairs: Array<readonly [string, string]> = [];
      for (const [k, v] of obj.sortedEntries()) {
        if (typeof k !== 'string') throw operandError(1, 'non-string key found in pattern object');
        if (typeof v !== 'string') throw operandError(1, 'non-string value found in pattern object');
        pairs.push([k, v]);
      }
      return replaceMany(stringOperand(s, 2), pairs);
    },
    { checkOperands: false },
  ),
  builtin('split', ([s, sep]) => goSplit(stringOperand(s, 1), stringOperand(sep, 2))),
  builtin('substring', ([s, o, l]) => {
    const chars = codePoints(stringOperand(s, 1));
    const offset = intOperand(o, 2);
    const length = intOperand(l, 3);
    if (offset < 0) throw new BuiltinError('negative offset');
    if (offset >= chars.length) return '';
    if (length < 0) return chars.slice(offset).join('');
    return chars.slice(offset, Math.min(chars.length, offset + length)).join('');
  }),
  builtin('trim', ([s, c]) => trimCut(stringOperand(s, 1), stringOperand(c, 2), true, true)),
  builtin('trim_left', ([s, c]) => trimCut(stringOperand(s, 1), stringOperand(c, 2), true, false)),
  builtin('trim_right', ([s, c]) => trimCut(stringOperand(s, 1), stringOperand(c, 2), false, true)),
  builtin('trim_prefix', ([s, p]) => {
    const value = stringOperand(s, 1);
    const prefix = stringOperand(p, 2);
    return value.startsWith(prefix) ? value.slice(prefix.length) : value;
  }),
  builtin('trim_suffix', ([s, p]) => {
    const value = stringOperand(s, 1);
    const suffix = stringOperand(p, 2);
    return suffix !== '' && value.endsWith(suffix) ? value.slice(0, value.length - suffix.length) : value;
  }),
  builtin('trim_space', ([s]) => {
    const chars = codePoints(stringOperand(s, 1));
    let start = 0;
    let end = chars.length;
    while (start < end && GO_SPACE.test(chars[start]!)) start++;
    while (end > start && GO_SPACE.test(chars[end - 1]!)) end--;
    return chars.slice(start, end).join('');
  }),
  builtin('strings.reverse', ([s]) => codePoints(stringOperand(s, 1)).reverse().join('')),
  builtin('strings.count', ([s, sub]) => {
    const value = stringOperand(s, 1);
    const search = stringOperand(sub, 2);
    if (search === '') return codePoints(value).length + 1;
    return value.split(search).length - 1;
  }),
  builtin(
    'strings.any_prefix_match',
    ([s, p]) => {
      const values = stringsOrCollection(s, 1);
      const prefixes = stringsOrCollection(p, 2);
      return values.some((v) => prefixes.some((x) => v.startsWith(x)));
    },
    { checkOperands: false },
  ),
  builtin(
    'strings.any_suffix_match',
    ([s, p]) => {
      const values = stringsOrCollection(s, 1);
      const suffixes = stringsOrCollection(p, 2);
      return values.some((v) => suffixes.some((x) => v.endsWith(x)));
    },
    { checkOperands: false },
  ),
];
