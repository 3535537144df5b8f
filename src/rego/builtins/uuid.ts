/** OPA category `uuid`: uuid.rfc4122 (random v4, stable per key within an evaluation) and uuid.parse. */
import { randomBytes } from 'node:crypto';
import { defineCategory } from './builtin.ts';
import { stringOperand } from './operands.ts';
import { normalizeNumber, RegoObject, type RegoValue } from '../value.ts';

const builtin = defineCategory('uuid');

/** 100ns intervals between the Gregorian epoch (1582-10-15) and the Unix epoch. */
const GREGORIAN_OFFSET = 0x01b21dd213814000n;

/** google/uuid Parse: canonical, {braced}, urn:uuid: and 32-hex forms. */
export function parseUuid(s: string): Buffer | undefined {
  let text = s;
  if (text.length === 45 && text.slice(0, 9).toLowerCase() === 'urn:uuid:') text = text.slice(9);
  else if (text.length === 38 && text.startsWith('{') && text.endsWith('}')) text = text.slice(1, -1);
  if (text.length === 36) {
    if (text[8] !== '-' || text[13] !== '-' || text[18] !== '-' || text[23] !== '-') return undefined;
    text = text.replaceAll('-', '');
  }
  if (!/^[0-9a-fA-F]{32}$/.test(text)) return undefined;
  return Buffer.from(text, 'hex');
}

function variantName(b: number): string {
  if ((b & 0xc0) === 0x80) return 'RFC4122';
  if ((b & 0xe0) === 0xc0) return 'Microsoft';
  if ((b & 0xe0) === 0xe0) return 'Future';
  return 'Reserved';
}

function describeUuid(u: Buffer): RegoObject {
  const version = u[6]! >> 4;
  const out = new RegoObject([
    ['version', version],
    ['variant', variantName(u[8]!)],
  ]);
  if (version === 1 || version === 2) {
    let t = BigInt(u.readUInt32BE(0));
    t |= BigInt(u.readUInt16BE(4)) << 32n;
    t |= BigInt(u.readUInt16BE(6) & 0xfff) << 48n;
    out.set('time', normalizeNumber((t - GREGORIAN_OFFSET) * 100n));
    out.set('clocksequence', ((u[8]! & 0x3f) << 8) | u[9]!);
    const node = [...u.subarray(10, 16)];
    out.set('nodeid', node.map((b) => b.toString(16).padStart(2, '0')).join('-'));
    out.set('macvariables', `${node[0]! & 0x02 ? 'local' : 'global'}:${node[0]! & 0x01 ? 'multicast' : 'unicast'}`);
  }
  if (version === 2) {
    const domains = ['Person', 'Group', 'Org'];
    out.set('domain', domains[u[9]!] ?? `Domain${u[9]}`);
    out.set('id', u.readUInt32BE(0));
  }
  return out;
}

function formatUuid(b: Buffer): string {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const uuidBuiltins = [
  builtin('uuid.rfc4122', ([k], context) => {
    const key = `uuid.rfc4122:${stringOperand(k, 1)}`;
    const cached = context.cache.get(key);
    if (typeof cached === 'string') return cached;
    const bytes = randomBytes(16);
    bytes[6] = (bytes[6]! & 0x0f) | 0x40;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const value = formatUuid(bytes);
    context.cache.set(key, value);
    return value;
  }),
  builtin(
    'uuid.parse',
    ([v]): RegoValue | undefined => {
      if (typeof v !== 'string') return undefined;
      const u = parseUuid(v);
      return u ? describeUuid(u) : undefined;
    },
    { checkOperands: false },
  ),
];
