import { RE2JS } from 're2js';
import { T_STRING } from '../eval/types.ts';
import { isWhollyKnown, makeList, type TfObject, type TfValue, Unknown, unknownOf } from '../eval/value.ts';
import { defineFunction, FunctionArgError, FunctionError, type TfFunction } from './define-function.ts';
import { formatString } from './format-verbs.ts';
import { checkLength, graphemes, isGoInt, WHOLE_NUMBER } from './helpers.ts';
import { renderTemplate } from './template-support.ts';
import { goRegexpExpand } from '../../core/go-regexp-expand.ts';

const str = (v: TfValue): string => v as string;

/** Go's unicode.IsSpace set (strings.TrimSpace). */
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
const LEADING_SPACE = new RegExp(`^[${GO_SPACE}]+`, 'u');
const TRAILING_SPACE = new RegExp(`[${GO_SPACE}]+$`, 'u');

export function compileRegex(pattern: string, argIndex: number): RE2JS {
  try {
    return RE2JS.compile(pattern);
  } catch (error) {
    // Terraform words RE2 syntax errors as "invalid regexp pattern: <code> in <expr>".
    const message = error instanceof Error ? error.message : String(error);
    const m = /^error parsing regexp: (.*?): `(.*)`$/s.exec(message);
    throw new FunctionArgError(argIndex, m ? `invalid regexp pattern: ${m[1]} in ${m[2]}` : `invalid regexp pattern: ${message}`);
  }
}

/** One match as Terraform's regex returns it: the string, a tuple of captures, or an object of named captures. */
function matchResult(re: RE2JS, m: ReturnType<RE2JS['matcher']>): TfValue {
  const groups = re.groupCount();
  if (groups === 0) return m.group(0) ?? '';
  const named = re.namedGroups() as Record<string, number>;
  const names = Object.keys(named);
  if (names.length > 0) {
    if (names.length !== groups) throw new FunctionError('invalid regular expression pattern: cannot mix both named and unnamed capture groups');
    const out: TfObject = {};
    for (const name of names) out[name] = m.group(named[name]!) ?? null;
    return out;
  }
  const out: TfValue[] = [];
  for (let i = 1; i <= groups; i++) out.push(m.group(i) ?? null);
  return out;
}

/** Go maps case one code point at a time (simple case mapping): `upper("ß")` stays "ß". */
function simpleCase(s: string, to: 'upper' | 'lower'): string {
  let out = '';
  for (const c of s) {
    const m = to === 'upper' ? c.toUpperCase() : c.toLowerCase();
    out += [...m].length === 1 ? m : c;
  }
  return out;
}

function goTitle(s: string): string {
  let prev = ' ';
  let out = '';
  for (const c of s) {
    const isSep = /[\x00-\x7f]/.test(prev) ? !/[A-Za-z0-9_]/.test(prev) : /\s/u.test(prev);
    out += isSep ? simpleCase(c, 'upper') : c;
    prev = c;
  }
  return out;
}

function cutsetTrim(s: string, cutset: string, left: boolean, right: boolean): string {
  const set = new Set(Array.from(cutset));
  const chars = Array.from(s);
  let a = 0;
  let b = chars.length;
  if (left) while (a < b && set.has(chars[a]!)) a++;
  if (right) while (b > a && set.has(chars[b - 1]!)) b--;
  return chars.slice(a, b).join('');
}

export const stringFunctions: TfFunction[] = [
  defineFunction({ name: 'chomp', impl: ([s]) => str(s!).replace(/(?:\r\n|\r|\n)+$/, '') }),
  defineFunction({ name: 'endswith', impl: ([s, suffix]) => str(s!).endsWith(str(suffix!)) }),
  defineFunction({ name: 'startswith', impl: ([s, prefix]) => str(s!).startsWith(str(prefix!)) }),
  defineFunction({ name: 'strcontains', impl: ([s, sub]) => str(s!).includes(str(sub!)) }),
  defineFunction({ name: 'lower', impl: ([s]) => simpleCase(str(s!), 'lower') }),
  defineFunction({ name: 'upper', impl: ([s]) => simpleCase(str(s!), 'upper') }),
  defineFunction({ name: 'title', impl: ([s]) => goTitle(str(s!)) }),
  defineFunction({ name: 'strrev', impl: ([s]) => graphemes(str(s!)).reverse().join('') }),
  defineFunction({ name: 'trimspace', impl: ([s]) => str(s!).replace(LEADING_SPACE, '').replace(TRAILING_SPACE, '') }),
  defineFunction({ name: 'trim', impl: ([s, cut]) => cutsetTrim(str(s!), str(cut!), true, true) }),
  defineFunction({ name: 'trimprefix', impl: ([s, p]) => (str(s!).startsWith(str(p!)) ? str(s!).slice(str(p!).length) : str(s!)) }),
  defineFunction({
    name: 'trimsuffix',
    impl: ([s, p]) => (str(p!) !== '' && str(s!).endsWith(str(p!)) ? str(s!).slice(0, str(s!).length - str(p!).length) : str(s!)),
  }),
  defineFunction({
    name: 'indent',
    impl: ([n, s]) => {
      const spaces = n as number;
      if (!Number.isInteger(spaces) || spaces < 0) throw new FunctionArgError(0, 'must be a non-negative whole number');
      const pad = ' '.repeat(Math.min(spaces, 1_000_000));
      const out = str(s!).replace(/\n/g, `\n${pad}`);
      checkLength(out.length);
      return out;
    },
  }),
  defineFunction({
    name: 'split',
    impl: ([sep, s]) => {
      const parts = str(sep!) === '' ? Array.from(str(s!)) : str(s!).split(str(sep!));
      return makeList(parts, { kind: 'string' });
    },
  }),
  defineFunction({
    name: 'join',
    impl: ([sep, ...lists]) => {
      if (lists.length === 0) throw new FunctionError('at least one list is required');
      const items: string[] = [];
      lists.forEach((list, li) => {
        (list as TfValue[]).forEach((x, i) => {
          if (x === null) throw new FunctionArgError(li + 1, `element ${i} is null; cannot concatenate null values`);
          items.push(str(x));
        });
      });
      const out = items.join(str(sep!));
      checkLength(out.length);
      return out;
    },
  }),
  defineFunction({
    name: 'substr',
    impl: ([s, offsetArg, lengthArg]) => {
      const chars = graphemes(str(s!));
      let offset = offsetArg as number;
      let length = lengthArg as number;
      if (!isGoInt(offset) || !isGoInt(length)) throw new FunctionError(WHOLE_NUMBER);
      // Offsets past either end clamp, as cty's substr does.
      if (offset < 0) offset = Math.max(0, offset + chars.length);
      if (offset > chars.length) return '';
      if (length < 0) length = chars.length - offset;
      return chars.slice(offset, offset + length).join('');
    },
  }),
  defineFunction({
    name: 'format',
    variadic: { allowNull: true },
    // cty's format yields an unknown string when any argument is null.
    impl: ([fmt, ...args]) => (args.some((a) => a === null) ? unknownOf(T_STRING) : formatString(str(fmt!), args)),
  }),
  defineFunction({
    name: 'formatlist',
    variadic: { allowNull: true },
    partialUnknown: true,
    impl: ([fmt, ...args]) => {
      // An unknown list makes the length unknown; unknown elements make only their row unknown.
      if (args.some((a) => a instanceof Unknown && a.type.kind !== 'string' && a.type.kind !== 'number' && a.type.kind !== 'bool'))
        return unknownOf({ kind: 'list', element: T_STRING });
      let n: number | undefined;
      let firstList = -1;
      args.forEach((a, i) => {
        if (!Array.isArray(a)) return;
        if (n === undefined) {
          n = a.length;
          firstList = i;
        } else if (a.length !== n)
          throw new FunctionArgError(i + 1,
            `argument ${i + 1} has length ${a.length}, which is inconsistent with argument ${firstList + 1} of length ${n}`,
          );
      });
      const count = n ?? 1;
      checkLength(count);
      const rows: TfValue[] = [];
      for (let j = 0; j < count; j++) {
        const row = args.map((a) => (Array.isArray(a) ? a[j]! : a));
        rows.push(row.every(isWhollyKnown) ? formatString(str(fmt!), row) : unknownOf(T_STRING));
      }
      return makeList(rows, T_STRING);
    },
  }),
  defineFunction({
    name: 'regex',
    impl: ([pattern, s]) => {
      const re = compileRegex(str(pattern!), 0);
      const m = re.matcher(str(s!));
      if (!m.find()) throw new FunctionError('pattern did not match any part of the given string');
      return matchResult(re, m);
    },
  }),
  defineFunction({
    name: 'regexall',
    impl: ([pattern, s]) => {
      const re = compileRegex(str(pattern!), 0);
      const m = re.matcher(str(s!));
      const out: TfValue[] = [];
      while (m.find()) {
        out.push(matchResult(re, m));
        checkLength(out.length);
      }
      return makeList(out);
    },
  }),
  defineFunction({
    name: 'replace',
    impl: ([sArg, subArg, replArg]) => {
      const s = str(sArg!);
      const sub = str(subArg!);
      const repl = str(replArg!);
      if (sub.length >= 2 && sub.startsWith('/') && sub.endsWith('/')) {
        const re = compileRegex(sub.slice(1, -1), 1);
        const named = re.namedGroups() as Record<string, number>;
        const groups = re.groupCount();
        const m = re.matcher(s);
        let out = '';
        let last = 0;
        while (m.find()) {
          out += s.slice(last, m.start()) + goRegexpExpand(repl, (reference) => {
            const index = typeof reference === 'number' ? reference : named[reference];
            return index !== undefined && index <= groups ? (m.group(index) ?? undefined) : undefined;
          });
          last = m.end();
          checkLength(out.length);
        }
        return out + s.slice(last);
      }
      if (sub === '') {
        const chars = Array.from(s);
        const out = repl + chars.join(repl) + (chars.length > 0 ? repl : '');
        checkLength(out.length);
        return out;
      }
      const out = s.split(sub).join(repl);
      checkLength(out.length);
      return out;
    },
  }),
  defineFunction({
    name: 'templatestring',
    impl: ([template, vars], ctx) => renderTemplate(str(template!), '<templatestring argument>', vars!, ctx, 1),
  }),
];
