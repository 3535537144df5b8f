/**
 * OPA category `glob`: glob.match with gobwas/glob syntax (`*`, `**`, `?`, `[a-z]`, `[!a-z]`, `{a,b}`, `\` escapes;
 * `*` and `?` never cross a delimiter), compiled to an RE2 pattern; glob.quote_meta.
 */
import { RE2JS } from 're2js';
import { BuiltinError } from './define-builtin.ts';
import { cachedPattern } from './pattern-cache.ts';
import { defineCategory } from './builtin.ts';
import { elementError, stringOperand, typeError } from './operands.ts';
import type { RegoValue } from '../value.ts';

const builtin = defineCategory('glob');

const escapeRegex = (c: string): string => c.replace(/[\\.+*?()|[\]{}^$-]/g, '\\$&');

export function globToRegex(pattern: string, delimiters: readonly string[]): string {
  const chars = [...pattern];
  const notDelimiter = delimiters.length === 0 ? '[\\s\\S]' : `[^${delimiters.map(escapeRegex).join('')}]`;
  let i = 0;
  let braceDepth = 0;
  let out = '';
  while (i < chars.length) {
    const c = chars[i]!;
    if (c === '\\') {
      const next = chars[i + 1];
      if (next === undefined) throw new BuiltinError(`unexpected end of input in glob ${JSON.stringify(pattern)}`);
      out += escapeRegex(next);
      i += 2;
    } else if (c === '*') {
      if (chars[i + 1] === '*') {
        out += '[\\s\\S]*';
        i += 2;
      } else {
        out += `${notDelimiter}*`;
        i++;
      }
    } else if (c === '?') {
      out += notDelimiter;
      i++;
    } else if (c === '[') {
      const close = chars.indexOf(']', i + 1);
      if (close === -1) throw new BuiltinError(`unexpected end of input in glob ${JSON.stringify(pattern)}`);
      let body = chars.slice(i + 1, close);
      const negate = body[0] === '!';
      if (negate) body = body.slice(1);
      let cls = '';
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === '-' && body[k + 2] !== undefined) {
          cls += `${escapeRegex(body[k]!)}-${escapeRegex(body[k + 2]!)}`;
          k += 2;
        } else cls += escapeRegex(body[k]!);
      }
      out += `[${negate ? '^' : ''}${cls}]`;
      i = close + 1;
    } else if (c === '{') {
      braceDepth++;
      out += '(?:';
      i++;
    } else if (c === '}' && braceDepth > 0) {
      braceDepth--;
      out += ')';
      i++;
    } else if (c === ',' && braceDepth > 0) {
      out += '|';
      i++;
    } else {
      out += escapeRegex(c);
      i++;
    }
  }
  if (braceDepth > 0) throw new BuiltinError(`unexpected end of input in glob ${JSON.stringify(pattern)}`);
  return `^(?:${out})$`;
}

export const globBuiltins = [
  builtin(
    'glob.match',
    ([p, d, m]) => {
      const pattern = stringOperand(p, 1);
      let delimiters: string[];
      if (d === null) delimiters = [];
      else if (Array.isArray(d)) {
        delimiters = (d as readonly RegoValue[]).map((x) => {
          if (typeof x !== 'string') throw elementError(2, d, x, 'string');
          if ([...x].length !== 1) throw elementError(2, d, x, 'rune');
          return x;
        });
        if (delimiters.length === 0) delimiters = ['.'];
      } else throw typeError(2, d ?? null, 'array', 'null');
      const value = stringOperand(m, 3);
      const re = cachedPattern(`glob:${JSON.stringify([pattern, delimiters])}`, () => RE2JS.compile(globToRegex(pattern, delimiters), RE2JS.DOTALL));
      return re.test(value);
    },
    { checkOperands: false },
  ),
  builtin('glob.quote_meta', ([p]) => stringOperand(p, 1).replace(/[*?\\[\]{}]/g, '\\$&')),
];
