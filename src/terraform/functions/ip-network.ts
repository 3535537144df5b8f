import { makeList, type TfValue } from '../eval/value.ts';
import { T_STRING } from '../eval/types.ts';
import { defineFunction, FunctionArgError, FunctionError, type TfFunction } from './define-function.ts';
import { parseIPv6 as parseIPv6Text } from '../../core/ip-address.ts';

interface Cidr {
  ip: bigint;
  bits: 32 | 128;
  prefix: number;
}

function parseIPv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    // Terraform's address parser keeps Go <= 1.16 behaviour: decimal octets, leading zeros allowed.
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    v = (v << 8n) | BigInt(Number(p));
  }
  return v;
}

function parseIPv6(s: string): bigint | undefined {
  return parseIPv6Text(s, parseIPv4);
}

function parseCidr(s: string, argIndex: number): Cidr {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(s);
  const fail = (): never => {
    void argIndex;
    throw new FunctionError(`invalid CIDR expression: invalid CIDR address: ${s}`);
  };
  if (!m) return fail();
  const v4 = parseIPv4(m[1]!);
  const bits = v4 !== undefined ? 32 : 128;
  const ip = v4 ?? parseIPv6(m[1]!);
  const prefix = Number(m[2]);
  if (ip === undefined || prefix > bits) return fail();
  return { ip: ip as bigint, bits, prefix };
}

function mask(bits: number, prefix: number): bigint {
  const all = (1n << BigInt(bits)) - 1n;
  return all ^ ((1n << BigInt(bits - prefix)) - 1n);
}

export function formatIp(ip: bigint, bits: 32 | 128): string {
  if (bits === 32) return [24n, 16n, 8n, 0n].map((s) => String((ip >> s) & 0xffn)).join('.');
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((ip >> BigInt(i * 16)) & 0xffffn));
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return formatIp(ip & 0xffffffffn, 32);
  }
  // Longest run of two or more zero groups becomes "::" (the first on ties), as Go prints it.
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

function wholeNumber(v: TfValue, argIndex: number): number {
  const n = v as number;
  if (!Number.isInteger(n)) throw new FunctionArgError(argIndex, 'value must be a whole number');
  return n;
}

function subnet(c: Cidr, newbits: number, netnum: number): string {
  const newLen = c.prefix + newbits;
  if (newLen > c.bits) throw new FunctionError(`insufficient address space to extend prefix of ${c.prefix} by ${newbits}`);
  if (newbits > 32) throw new FunctionError(`may not extend prefix by more than 32 bits`);
  if (netnum < 0 || BigInt(netnum) > (1n << BigInt(newbits)) - 1n)
    throw new FunctionError(`prefix extension of ${newbits} does not accommodate a subnet numbered ${netnum}`);
  const base = c.ip & mask(c.bits, c.prefix);
  const ip = base | (BigInt(netnum) << BigInt(c.bits - newLen));
  return `${formatIp(ip, c.bits)}/${newLen}`;
}

export const ipNetworkFunctions: TfFunction[] = [
  defineFunction({
    name: 'cidrsubnet',
    impl: ([prefix, newbits, netnum]) =>
      subnet(parseCidr(prefix as string, 0), wholeNumber(newbits!, 1), wholeNumber(netnum!, 2)),
  }),
  defineFunction({
    name: 'cidrhost',
    impl: ([prefix, hostnumArg]) => {
      const c = parseCidr(prefix as string, 0);
      const hostnum = wholeNumber(hostnumArg!, 1);
      const hostBits = BigInt(c.bits - c.prefix);
      const size = 1n << hostBits;
      let n = BigInt(hostnum);
      if (n < 0n) n += size;
      if (n < 0n || n >= size) throw new FunctionError(`prefix of ${c.prefix} does not accommodate a host numbered ${hostnum}`);
      return formatIp((c.ip & mask(c.bits, c.prefix)) | n, c.bits);
    },
  }),
  defineFunction({
    name: 'cidrnetmask',
    impl: ([prefix]) => {
      const c = parseCidr(prefix as string, 0);
      if (c.bits !== 32) throw new FunctionError(`IPv6 addresses cannot have a netmask: ${prefix as string}`);
      return formatIp(mask(32, c.prefix), 32);
    },
  }),
  defineFunction({
    name: 'cidrsubnets',
    impl: ([prefix, ...newbitsArgs]) => {
      const c = parseCidr(prefix as string, 0);
      if (newbitsArgs.length === 0) return makeList([], T_STRING);
      const network = c.ip & mask(c.bits, c.prefix);
      const top = network | ((1n << BigInt(c.bits - c.prefix)) - 1n);
      const max = (1n << BigInt(c.bits)) - 1n;
      const out: string[] = [];
      const lengths = newbitsArgs.map((nb, i) => {
        const n = wholeNumber(nb, i + 1);
        if (n < 1) throw new FunctionArgError(i + 1, 'must extend prefix by at least one bit');
        if (n > 32) throw new FunctionArgError(i + 1, 'may not extend prefix by more than 32 bits');
        const len = c.prefix + n;
        if (len > c.bits)
          throw new FunctionArgError(i + 1, `would extend prefix to ${len} bits, which is too long for an ${c.bits === 32 ? 'IPv4' : 'IPv6'} address`);
        return len;
      });
      // Start just before the network (PreviousSubnet), then take NextSubnet for each length.
      let currentLast = (network - 1n) & max;
      let wrapped = network === 0n;
      for (let i = 0; i < lengths.length; i++) {
        const len = lengths[i]!;
        const m = mask(c.bits, len);
        const hostSpan = (1n << BigInt(c.bits - len)) - 1n;
        let start: bigint;
        if (wrapped && i === 0) start = 0n;
        else {
          const cur = currentLast & m;
          const last = cur | hostSpan;
          start = (last + 1n) & max;
          if (last + 1n > max) start = -1n;
        }
        if (start < 0n || start < network || (start | hostSpan) > top)
          throw new FunctionArgError(i + 1, `not enough remaining address space for a subnet with a prefix of ${len} bits after ${out[out.length - 1] ?? ''}`);
        out.push(`${formatIp(start, c.bits)}/${len}`);
        currentLast = start | hostSpan;
        wrapped = false;
      }
      return makeList(out, T_STRING);
    },
  }),
];
