/** OPA category `semver`: SemVer 2.0.0 validation and precedence comparison. */
import { BuiltinError } from './define-builtin.ts';
import { defineCategory } from './builtin.ts';
import { stringOperand } from './operands.ts';

const builtin = defineCategory('semver');

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

interface Version {
  readonly core: readonly [bigint, bigint, bigint];
  readonly pre: readonly string[];
}

export function parseSemver(s: string): Version | undefined {
  const m = SEMVER.exec(s);
  if (!m) return undefined;
  return { core: [BigInt(m[1]!), BigInt(m[2]!), BigInt(m[3]!)], pre: m[4] ? m[4].split('.') : [] };
}

export function compareSemver(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a.core[i] !== b.core[i]) return a.core[i]! < b.core[i]! ? -1 : 1;
  if (a.pre.length === 0 || b.pre.length === 0) return a.pre.length === b.pre.length ? 0 : a.pre.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.max(a.pre.length, b.pre.length); i++) {
    const x = a.pre[i];
    const y = b.pre[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (xn && yn) return BigInt(x) < BigInt(y) ? -1 : 1;
    if (xn) return -1;
    if (yn) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
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
