/**
 * regex.globs_match: do two "globs" (a small regex dialect: literal characters, `.`, character classes `[a-z0-9]`,
 * `\` escapes, each optionally followed by `*` or `+`) accept at least one common string? Decided by a search over
 * the product of the two token automata. Errors follow the wording of the Go library OPA uses.
 */
import { BuiltinError } from './define-builtin.ts';

interface CharSet {
  readonly any: boolean;
  readonly ranges: ReadonlyArray<readonly [number, number]>;
}
interface Token {
  readonly set: CharSet;
  readonly repeat: '' | '*' | '+';
}

function invalid(input: string, pos: number, message: string): BuiltinError {
  return new BuiltinError(`input:${input}, pos:${pos}, ${message}: the input provided is invalid`);
}

export function parseGlob(input: string): Token[] {
  const chars = [...input];
  const tokens: Array<{ set: CharSet; repeat: '' | '*' | '+' }> = [];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    let set: CharSet;
    if (c === '*' || c === '+') {
      const last = tokens[tokens.length - 1];
      if (!last || last.repeat !== '') throw invalid(input, i + 1, `flag '${c}' with no preceding content`);
      last.repeat = c;
      i++;
      continue;
    }
    if (c === ']') throw invalid(input, i + 1, "set-close ']' with no preceding '['");
    if (c === '.') {
      set = { any: true, ranges: [] };
      i++;
    } else if (c === '\\') {
      const next = chars[i + 1];
      if (next === undefined) throw invalid(input, i + 1, "escape '\\' at end of input");
      set = { any: false, ranges: [[next.codePointAt(0)!, next.codePointAt(0)!]] };
      i += 2;
    } else if (c === '[') {
      const ranges: Array<[number, number]> = [];
      let j = i + 1;
      for (;;) {
        const d = chars[j];
        if (d === undefined) throw invalid(input, j, "set-open '[' with no following ']'");
        if (d === ']') break;
        let lo = d;
        if (d === '\\') {
          j++;
          lo = chars[j] ?? '\\';
        }
        if (chars[j + 1] === '-' && chars[j + 2] !== undefined && chars[j + 2] !== ']') {
          ranges.push([lo.codePointAt(0)!, chars[j + 2]!.codePointAt(0)!]);
          j += 3;
        } else {
          ranges.push([lo.codePointAt(0)!, lo.codePointAt(0)!]);
          j++;
        }
      }
      if (ranges.length === 0) throw invalid(input, j + 1, "empty set '[]'");
      set = { any: false, ranges };
      i = j + 1;
    } else {
      set = { any: false, ranges: [[c.codePointAt(0)!, c.codePointAt(0)!]] };
      i++;
    }
    tokens.push({ set, repeat: '' });
  }
  return tokens;
}

function setsIntersect(a: CharSet, b: CharSet): boolean {
  if (a.any || b.any) return true;
  return a.ranges.some(([lo1, hi1]) => b.ranges.some(([lo2, hi2]) => lo1 <= hi2 && lo2 <= hi1));
}

/** States are positions in the token list; a `+` token becomes `x x*`. */
function expand(tokens: readonly Token[]): Token[] {
  return tokens.flatMap((t) => (t.repeat === '+' ? [{ set: t.set, repeat: '' as const }, { set: t.set, repeat: '*' as const }] : [t]));
}

export function globsIntersect(a: string, b: string): boolean {
  const x = expand(parseGlob(a));
  const y = expand(parseGlob(b));
  const seen = new Set<string>();
  const stack: Array<[number, number]> = [[0, 0]];
  while (stack.length > 0) {
    const [i, j] = stack.pop()!;
    const key = `${i},${j}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (i === x.length && j === y.length) return true;
    const tx = x[i];
    const ty = y[j];
    // Skip optional (starred) tokens without consuming.
    if (tx?.repeat === '*') stack.push([i + 1, j]);
    if (ty?.repeat === '*') stack.push([i, j + 1]);
    if (tx && ty && setsIntersect(tx.set, ty.set)) {
      const ni = tx.repeat === '*' ? [i, i + 1] : [i + 1];
      const nj = ty.repeat === '*' ? [j, j + 1] : [j + 1];
      for (const p of ni) for (const q of nj) stack.push([p, q]);
    }
  }
  return false;
}
