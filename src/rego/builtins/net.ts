/** OPA category `net` (CIDR part): containment, intersection, expansion, merging and validation of IPv4/IPv6 CIDRs. */
import { BuiltinError } from './define-builtin.ts';
import { defineCategory } from './builtin.ts';
import { stringOperand, typeError } from './operands.ts';
import { RegoObject, RegoSet, type RegoValue } from '../value.ts';
import { parseIPv6 as parseIPv6Text } from '../../core/ip-address.ts';

const builtin = defineCategory('net');

/** An address as an unsigned integer in its family (IPv4 32 bits, IPv6 128 bits). */
interface Ip {
  readonly bits: 32 | 128;
  readonly value: bigint;
}
interface Cidr {
  readonly bits: 32 | 128;
  /** Network address (host bits cleared). */
  readonly network: bigint;
  readonly prefix: number;
  /** The address as written (host bits kept), for cidr_expand and cidr_contains semantics. */
  readonly address: bigint;
}

const MAX_EXPAND = 1 << 20;

function parseIPv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const p of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return undefined;
    value = (value << 8n) | BigInt(p);
  }
  return value;
}

function parseIPv6(s: string): bigint | undefined {
  return parseIPv6Text(s, parseIPv4);
}

/** Go's net.ParseIP (IPv4-mapped IPv6 addresses count as IPv4). */
export function parseIp(s: string): Ip | undefined {
  const v4 = parseIPv4(s);
  if (v4 !== undefined) return { bits: 32, value: v4 };
  if (!s.includes(':')) return undefined;
  const v6 = parseIPv6(s);
  if (v6 === undefined) return undefined;
  if (v6 >> 32n === 0xffffn) return { bits: 32, value: v6 & 0xffffffffn };
  return { bits: 128, value: v6 };
}

/** Go's net.ParseCIDR. */
export function parseCidr(s: string): Cidr | undefined {
  const slash = s.indexOf('/');
  if (slash === -1) return undefined;
  const ipText = s.slice(0, slash);
  const prefixText = s.slice(slash + 1);
  if (!/^(0|[1-9]\d{0,2})$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  const v4 = parseIPv4(ipText);
  let bits: 32 | 128;
  let address: bigint;
  if (v4 !== undefined) {
    bits = 32;
    address = v4;
  } else {
    const v6 = ipText.includes(':') ? parseIPv6(ipText) : undefined;
    if (v6 === undefined) return undefined;
    bits = 128;
    address = v6;
  }
  if (prefix > bits) return undefined;
  const mask = ((1n << BigInt(bits)) - 1n) ^ ((1n << BigInt(bits - prefix)) - 1n);
  return { bits, network: address & mask, prefix, address };
}

/** Go's IP.DefaultMask: the classful prefix of an IPv4 address (A /8, B /16, C and above /24). */
function defaultMaskBits(v4: bigint): number {
  const first = Number(v4 >> 24n);
  return first < 0x80 ? 8 : first < 0xc0 ? 16 : 24;
}

function lastAddress(c: Cidr): bigint {
  return c.network | ((1n << BigInt(c.bits - c.prefix)) - 1n);
}

export function formatIp(bits: 32 | 128, value: bigint): string {
  if (bits === 32) return [24n, 16n, 8n, 0n].map((s) => ((value >> s) & 0xffn).toString()).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => (value >> BigInt(112 - 16 * i)) & 0xffffn);
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0n) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0n) j++;
    if (j - i > bestLength && j - i >= 2) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

function cidrOperand(v: RegoValue | undefined, position: number): Cidr {
  const s = stringOperand(v, position);
  const c = parseCidr(s);
  if (!c) throw new BuiltinError(`invalid CIDR address: ${s}`);
  return c;
}

/** A CIDR or a plain IP (as a /32 or /128) for containment tests. */
function cidrOrIp(s: string): Cidr | undefined {
  const c = parseCidr(s);
  if (c) return c;
  const ip = parseIp(s);
  if (!ip) return undefined;
  return { bits: ip.bits, network: ip.value, prefix: ip.bits, address: ip.value };
}

function contains(outer: Cidr, inner: Cidr): boolean {
  return outer.bits === inner.bits && inner.network >= outer.network && lastAddress(inner) <= lastAddress(outer);
}

/** Minimal list of CIDRs covering [start, end]. */
function rangeToCidrs(bits: 32 | 128, start: bigint, end: bigint): string[] {
  const out: string[] = [];
  let cur = start;
  while (cur <= end) {
    let size = 0;
    while (size < bits) {
      const block = 1n << BigInt(size + 1);
      if (cur % block !== 0n || cur + block - 1n > end) break;
      size++;
    }
    out.push(`${formatIp(bits, cur)}/${bits - size}`);
    cur += 1n << BigInt(size);
  }
  return out;
}

/** Elements of a cidr_contains_matches operand as [key, cidr-string] pairs. */
function matchEntries(v: RegoValue | undefined, position: number): Array<[RegoValue, string]> {
  const element = (key: RegoValue, x: RegoValue): [RegoValue, string] => {
    if (typeof x === 'string') return [key, x];
    if (Array.isArray(x) && x.length > 0 && typeof x[0] === 'string') return [key, x[0] as string];
    throw operandErrorColon(position);
  };
  if (typeof v === 'string') return [[v, v]];
  if (Array.isArray(v)) return (v as readonly RegoValue[]).map((x, i) => element(i, x));
  if (v instanceof RegoSet) return v.sorted().map((x) => element(x, x));
  if (v instanceof RegoObject) return v.sortedEntries().map(([k, x]) => element(k, x));
  throw typeError(position, v ?? null, 'string', 'array', 'set', 'object');
}

/** net.cidr_contains: `b` is an IP or a CIDR that must lie entirely inside CIDR `a`. */
function cidrContains(a: RegoValue | undefined, b: RegoValue | undefined): boolean {
  const outer = cidrOperand(a, 1);
  const s = stringOperand(b, 2);
  const inner = cidrOrIp(s);
  if (!inner) throw new BuiltinError(`not a valid textual representation of an IP address or CIDR: ${s}`);
  return contains(outer, inner);
}

function operandErrorColon(position: number): BuiltinError {
  return new BuiltinError(`operand ${position}: element must be string or non-empty array`);
}

export const netBuiltins = [
  builtin('net.cidr_contains', ([a, b]) => cidrContains(a, b)),
  builtin('net.cidr_overlap', ([a, b]) => cidrContains(a, b)),
  builtin('net.cidr_intersects', ([a, b]) => {
    const x = cidrOperand(a, 1);
    const y = cidrOperand(b, 2);
    return x.bits === y.bits && x.network <= lastAddress(y) && y.network <= lastAddress(x);
  }),
  builtin('net.cidr_is_valid', ([a]) => typeof a === 'string' && parseCidr(a) !== undefined, { checkOperands: false }),
  builtin('net.cidr_expand', ([a]) => {
    const c = cidrOperand(a, 1);
    const count = 1n << BigInt(c.bits - c.prefix);
    if (count > BigInt(MAX_EXPAND)) throw new BuiltinError(`CIDR ${stringOperand(a, 1)} has more than ${MAX_EXPAND} addresses`);
    const out = new RegoSet();
    for (let i = 0n; i < count; i++) out.add(formatIp(c.bits, c.network + i));
    return out;
  }),
  builtin(
    'net.cidr_merge',
    ([a]) => {
      let items: readonly RegoValue[];
      if (Array.isArray(a)) items = a as readonly RegoValue[];
      else if (a instanceof RegoSet) items = a.sorted();
      else throw new BuiltinError('operand must be an array');
      // Each input as a range plus the text OPA prints when the range is not merged with another one.
      const ranges: Record<32 | 128, Array<{ first: bigint; last: bigint; text?: string }>> = { 32: [], 128: [] };
      for (const x of items) {
        if (typeof x !== 'string') throw new BuiltinError('element must be string');
        const ip = parseIp(x);
        let c: Cidr;
        let text: string;
        if (ip) {
          if (ip.bits === 128 || x.includes(':')) throw new BuiltinError('IPv6 invalid: needs prefix length');
          const prefix = defaultMaskBits(ip.value);
          c = parseCidr(`${x}/${prefix}`)!;
          text = `${formatIp(32, ip.value)}/${prefix}`;
        } else {
          const parsed = parseCidr(x);
          if (!parsed) throw new BuiltinError(`invalid CIDR address: ${x}`);
          c = parsed;
          text = `${formatIp(c.bits, c.network)}/${c.prefix}`;
        }
        ranges[c.bits].push({ first: c.network, last: lastAddress(c), text });
      }
      const out = new RegoSet();
      for (const bits of [32, 128] as const) {
        const sorted = ranges[bits].sort((x, y) => (x.last !== y.last ? (x.last < y.last ? -1 : 1) : x.first < y.first ? -1 : x.first > y.first ? 1 : 0));
        // Merge from the end, as OPA does (netaddr's algorithm).
        for (let i = sorted.length - 1; i > 0; i--) {
          const current = sorted[i]!;
          const previous = sorted[i - 1]!;
          if (current.first - 1n <= previous.last) {
            sorted[i - 1] = { first: previous.first < current.first ? previous.first : current.first, last: current.last };
            sorted.splice(i, 1);
          }
        }
        for (const r of sorted) {
          if (r.text !== undefined) out.add(r.text);
          else for (const c of rangeToCidrs(bits, r.first, r.last)) out.add(c);
        }
      }
      return out;
    },
    { checkOperands: false },
  ),
  builtin(
    'net.cidr_contains_matches',
    ([a, b]) => {
      const outer = matchEntries(a, 1);
      const inner = matchEntries(b, 2);
      const out = new RegoSet();
      for (const [k1, c1] of outer) {
        for (const [k2, c2] of inner) if (cidrContains(c1, c2)) out.add([k1, k2]);
      }
      return out;
    },
    { checkOperands: false },
  ),
];
