/** OPA category `regex` (RE2 semantics via re2js, Go's regexp API behaviour) plus the deprecated re_match. */
import { RE2JS } from 're2js';
import { BuiltinError } from './define-builtin.ts';
import { cachedPattern } from './pattern-cache.ts';
import { defineCategory } from './builtin.ts';
import { globsIntersect } from './globs-intersect.ts';
import { intOperand, stringOperand } from './operands.ts';
import type { RegoValue } from '../value.ts';
import { goRegexpExpand } from '../../core/go-regexp-expand.ts';

const builtin = defineCategory('regex');

/** Compiles (cached for the process, see pattern-cache.ts) or throws OPA's `error parsing regexp: ...`. */
export function compileRegex(pattern: string): RE2JS {
  return cachedPattern(`regex:${pattern}`, () => compileUncached(pattern));
}

function compileUncached(pattern: string): RE2JS {
  try {
    return RE2JS.compile(pattern);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new BuiltinError(message.startsWith('error parsing regexp') ? message : `error parsing regexp: ${message}`);
  }
}

interface Match {
  readonly start: number;
  readonly end: number;
  readonly groups: ReadonlyArray<string | undefined>;
}

/** Go's FindAll*: successive non-overlapping matches; an empty match right after a previous match is skipped. */
export function findAll(re: RE2JS, s: string, limit: number): Match[] {
  const out: Match[] = [];
  const m = re.matcher(s);
  let pos = 0;
  let prevEnd = -1;
  while (pos <= s.length && (limit < 0 || out.length < limit)) {
    if (!m.find(pos)) break;
    const start = m.start();
    const end = m.end();
    if (start === end && start === prevEnd) {
      if (start >= s.length) break;
      pos = start + (s.codePointAt(start)! > 0xffff ? 2 : 1);
      continue;
    }
    const groups: Array<string | undefined> = [];
    for (let g = 0; g <= m.groupCount(); g++) groups.push(m.group(g) ?? undefined);
    out.push({ start, end, groups });
    prevEnd = end;
    pos = end === start ? end + (end < s.length && s.codePointAt(end)! > 0xffff ? 2 : 1) : end;
  }
  return out;
}

/** Go's regexp.Split(s, -1). */
function split(re: RE2JS, s: string): string[] {
  if (s === '') return re.pattern() === '' ? [] : [''];
  const matches = findAll(re, s, -1);
  const out: string[] = [];
  let begin = 0;
  let end = 0;
  for (const m of matches) {
    end = m.start;
    if (m.end !== 0) out.push(s.slice(begin, end));
    begin = m.end;
  }
  if (end !== s.length) out.push(s.slice(begin));
  return out;
}

function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** regex.template_match: literal text with regex parts between the delimiters. */
function templateRegex(template: string, open: string, close: string): string {
  let out = '^';
  let i = 0;
  while (i < template.length) {
    const start = template.indexOf(open, i);
    if (start === -1) {
      out += quoteMeta(template.slice(i));
      break;
    }
    out += quoteMeta(template.slice(i, start));
    let depth = 0;
    let j = start;
    for (; j < template.length; j++) {
      if (template.startsWith(open, j)) depth++;
      else if (template.startsWith(close, j)) {
        depth--;
        if (depth === 0) break;
      }
    }
    if (j >= template.length) throw new BuiltinError(`unbalanced braces in ${JSON.stringify(template)}`);
    out += `(${template.slice(start + open.length, j)})`;
    i = j + close.length;
  }
  return `${out}$`;
}

const matchImpl = ([p, v]: readonly RegoValue[]): boolean =>
  compileRegex(stringOperand(p, 1)).test(stringOperand(v, 2));

export const regexBuiltins = [
  builtin('regex.match', matchImpl),
  builtin('re_match', matchImpl),
  builtin(
    'regex.is_valid',
    ([p]) => {
      if (typeof p !== 'string') return false;
      try {
        compileRegex(p);
        return true;
      } catch {
        return false;
      }
    },
    { checkOperands: false },
  ),
  builtin('regex.split', ([p, v]) => split(compileRegex(stringOperand(p, 1)), stringOperand(v, 2))),
  builtin('regex.find_n', ([p, v, n]) => {
    const re = compileRegex(stringOperand(p, 1));
    const s = stringOperand(v, 2);
    return findAll(re, s, intOperand(n, 3)).map((m) => s.slice(m.start, m.end));
  }),
  builtin('regex.find_all_string_submatch_n', ([p, v, n]) => {
    const re = compileRegex(stringOperand(p, 1));
    return findAll(re, stringOperand(v, 2), intOperand(n, 3)).map((m) => m.groups.map((g) => g ?? ''));
  }),
  builtin('regex.replace', ([v, p, r]) => {
    const s = stringOperand(v, 1);
    const re = compileRegex(stringOperand(p, 2));
    const replacement = stringOperand(r, 3);
    const names = re.namedGroups();
    let out = '';
    let last = 0;
    for (const m of findAll(re, s, -1)) {
      out += s.slice(last, m.start) + goRegexpExpand(replacement, (reference) => m.groups[typeof reference === 'number' ? reference : (names[reference] ?? -1)]);
      last = m.end;
    }
    return out + s.slice(last);
  }),
  builtin('regex.template_match', ([t, v, o, c]) => {
    const template = stringOperand(t, 1);
    const value = stringOperand(v, 2);
    const open = stringOperand(o, 3);
    const close = stringOperand(c, 4);
    if (Buffer.byteLength(open) !== 1) throw new BuiltinError(`start delimiter has to be exactly one character long but is ${Buffer.byteLength(open)} long`);
    if (Buffer.byteLength(close) !== 1) throw new BuiltinError(`end delimiter has to be exactly one character long but is ${Buffer.byteLength(open)} long`);
    const re = cachedPattern(`regex.template:${open}:${close}:${template}`, () => compileUncached(templateRegex(template, open, close)));
    return re.test(value);
  }),
  builtin('regex.globs_match', ([a, b]) => globsIntersect(stringOperand(a, 1), stringOperand(b, 2))),
];
