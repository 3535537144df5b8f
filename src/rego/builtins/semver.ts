/** OPA category `semver`: version validation and precedence comparison with OPA's (lenient) SemVer parser. */
import { BuiltinError } from './define-builtin.ts';
import { defineCategory } from './builtin.ts';
import { stringOperand } from './operands.ts';

const builtin = defineCategory('semver');

const IDENTIFIERS = /^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$/;
const INT64_MAX = 2n ** 63n - 1n;

interface Version {
  readonly core: readonly [bigint, bigint, bigint];
  readonly pre: string;
}

/** Go's strconv.ParseInt(s, 10, 64). */
function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n > INT64_MAX || n < -INT64_MAX - 1n ? undefined : n;
}

function cut(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i === -1 ? [s, ''] : [s.slice(0, i), s.slice(i + 1)];
}

/** OPA's semver.Parse: optional leading "v", `+metadata`, `-prerelease`, three int64 components. */
export function parseSemver(text: string): Version | undefined {
  let [rest, metadata] = cut(text.startsWith('v') ? text.slice(1) : text, '+');
  if (metadata !== '' && !IDENTIFIERS.test(metadata)) return undefined;
  let pre: string;
  [rest, pre] = cut(rest, '-');
  if (pre !== '' && !IDENTIFIERS.test(pre)) return undefined;
  const parts = rest.split('.');
  if (parts.length !== 3) return undefined;
  const numbers = parts.map(parseInt64);
  if (numbers.some((n) => n === undefined)) return undefined;
  return { core: numbers as unknown as [bigint, bigint, bigint], pre };
}

const allDecimals = (s: string): boolean => /^\d+$/.test(s);

/** SemVer precedence as OPA computes it. */
export function compareSemver(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a.core[i] !== b.core[i]) return a.core[i]! < b.core[i]! ? -1 : 1;
  if (a.pre === b.pre) return 0;
  if (a.pre === '') return 1;
  if (b.pre === '') return -1;
  let [x, restA] = cut(a.pre, '.');
  let [y, restB] = cut(b.pre, '.');
  for (;;) {
    if (x === '' && y !== '') return -1;
    if (x !== '' && y === '') return 1;
    const xn = allDecimals(x);
    const yn = allDecimals(y);
    if (xn && !yn) return -1;
    if (!xn && yn) return 1;
    if (xn && yn) {
      const xi = BigInt(x);
      const yi = BigInt(y);
      if (xi !== yi) return xi < yi ? -1 : 1;
    } else if (x !== y) return x < y ? -1 : 1;
    if (restA !== '' && restB === '') return 1;
    if (restA === '' && restB !== '') return -1;
    if (restA === '' && restB === '') return 0;
    [x, restA] = cut(restA, '.');
    [y, restB] = cut(restB, '.');
  }
}

function version(v: unknown, position: number): Version {
  const s = stringOperand(v as string, position);
  const parsed = parseSemver(s);
  if (!parsed) throw new BuiltinError(`operand ${position}: string ${JSON.stringify(s)} is not a valid SemVer`);
  return parsed;
}

export const semverBuiltins = [
  builtin('semver.is_valid', ([v]) => typeof v === 'string' && parseSemver(v) !== undefined),
  builtin('semver.compare', ([a, b]) => compareSemver(version(a, 1), version(b, 2))),
];
