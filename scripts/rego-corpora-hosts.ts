// Test-only stand-ins for the builtins two public suites' hosts add to OPA (declared types and behaviour as
// ../shared/data/rego-corpora/MANIFEST.md describes them), registered through the engine's custom builtin API by
// scripts/bench-rego-corpora.ts. A stand-in that would need the host's Go implementation throws a RegoError, which
// ends the test in an error naming the builtin (counted apart by the bench).
import { parseIPv6 } from '../src/core/ip-address.ts';
import { RegoError, type CustomBuiltin, type RegoType } from '../src/rego/index.ts';
import { RegoObject, type RegoValue } from '../src/rego/value.ts';

const T = (type: RegoType['type'], extra: Record<string, unknown> = {}): RegoType => ({ type, ...extra }) as RegoType;

export function unavailable(name: string): () => never {
  return () => {
    throw new RegoError('eval_builtin_error', `${name}: not available (test-only stand-in for the host's Go implementation)`);
  };
}

/** trivy's location metadata: `__defsec_metadata` of the value, or the value itself. */
function metadata(cause: RegoValue | undefined): RegoObject {
  if (!(cause instanceof RegoObject)) return new RegoObject();
  const m = cause.get('__defsec_metadata');
  return m instanceof RegoObject ? m : cause;
}

const DEFAULTS: Array<[string, RegoValue]> = [
  ['startline', 0],
  ['endline', 0],
  ['filepath', ''],
  ['sourceprefix', ''],
  ['explicit', false],
  ['managed', true],
  ['fskey', ''],
  ['resource', ''],
  ['parent', null],
];

function ipv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => (n << 8n) | BigInt(Number(p)), 0n);
}

/** Address and prefix length of `a.b.c.d[/n]` or an IPv6 address[/n]; undefined when it does not parse. */
function cidr(s: string): { value: bigint; bits: number; prefix: number } | undefined {
  const [addr = '', len] = s.split('/');
  const v4 = ipv4(addr);
  const value = v4 ?? parseIPv6(addr, ipv4);
  if (value === undefined) return undefined;
  const bits = v4 !== undefined ? 32 : 128;
  const prefix = len === undefined ? bits : /^\d+$/.test(len) && Number(len) <= bits ? Number(len) : -1;
  return prefix < 0 ? undefined : { value, bits, prefix };
}

const PRIVATE: Array<[string, number]> = [
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['169.254.0.0', 16],
  ['100.64.0.0', 10],
];

function inBlock(c: { value: bigint; bits: number; prefix: number }, block: bigint, blockPrefix: number, bits: number): boolean {
  if (c.bits !== bits || c.prefix < blockPrefix) return false;
  const shift = BigInt(bits - blockPrefix);
  return c.value >> shift === block >> shift;
}

function isPublic(s: string): boolean {
  if (['*', 'internet', 'any'].includes(s)) return true;
  const c = cidr(s);
  if (!c) return false;
  if (c.bits === 32) return !PRIVATE.some(([b, p]) => inBlock(c, ipv4(b)!, p, 32));
  const loopback = c.value === 1n && c.prefix === 128;
  const ula = inBlock(c, 0xfcn << 120n, 7, 128);
  const linkLocal = inBlock(c, 0xfe80n << 112n, 10, 128);
  return !(loopback || ula || linkLocal);
}

const MAX_UINT64 = 18446744073709551615n;

function countAddresses(s: string): RegoValue {
  if (['*', 'internet', 'any'].includes(s)) return MAX_UINT64;
  const c = cidr(s);
  if (!c) return 0;
  const n = 1n << BigInt(c.bits - c.prefix);
  return n >= 1n << 63n ? MAX_UINT64 : n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}

/** trivy's builtins: result.new, isManaged and the cidr helpers as described; shell parsing and secret scanning unavailable. */
export const TRIVY_BUILTINS: CustomBuiltin[] = [
  {
    name: 'result.new',
    args: [T('string'), T('any')],
    result: T('any'),
    impl: ([msg, cause]) => {
      const m = metadata(cause);
      return new RegoObject([['msg', msg!], ...DEFAULTS.map(([k, d]): [RegoValue, RegoValue] => [k, m.get(k) ?? d])]);
    },
  },
  { name: 'isManaged', args: [T('any')], result: T('boolean'), impl: ([x]) => metadata(x).get('managed') ?? true },
  { name: 'cidr.is_public', args: [T('string')], result: T('boolean'), impl: ([s]) => isPublic(s as string) },
  { name: 'cidr.count_addresses', args: [T('string')], result: T('number'), impl: ([s]) => countAddresses(s as string) },
  { name: 'sh.parse_commands', args: [T('string')], result: T('array', { dynamic: T('array', { dynamic: T('string') }) }), impl: unavailable('sh.parse_commands') },
  {
    name: 'squealer.scan_string',
    args: [T('string')],
    result: T('object', { static: [{ key: 'transgressionFound', value: T('boolean') }, { key: 'description', value: T('string') }] }),
    impl: unavailable('squealer.scan_string'),
  },
];
