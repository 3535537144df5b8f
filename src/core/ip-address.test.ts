import { describe, expect, it } from 'vitest';
import { parseIPv6 } from './ip-address.ts';

const v4 = (s: string): bigint | undefined => {
  const parts = s.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
};

describe('parseIPv6', () => {
  it.each([
    ['::', 0n],
    ['::1', 1n],
    ['2001:db8::', 0x20010db8n << 96n],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', (0x20010db8n << 96n) | 1n],
    ['::ffff:10.0.0.1', (0xffffn << 32n) | 0x0a000001n],
    ['fe80::1:2', (0xfe80n << 112n) | (1n << 16n) | 2n],
  ])('%s', (text, want) => {
    expect(parseIPv6(text, v4)).toBe(want);
  });

  it.each(['1::2::3', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', 'g::1', '12345::', '::ffff:300.0.0.1', '1:2:3:4:5:6:7::8'])('rejects %s', (text) => {
    expect(parseIPv6(text, v4)).toBeUndefined();
  });
});
