import { describe, expect, it } from 'vitest';
import { decodeSource, firstInvalidUtf8, isConfigFileName, isOverrideFileName } from './load-files.ts';

describe('Terraform file names', () => {
  const names: Array<[string, boolean, boolean]> = [
    ['main.tf', true, false],
    ['main.tf.json', true, false],
    ['override.tf', true, true],
    ['override.tf.json', true, true],
    ['db_override.tf', true, true],
    ['db_override.tf.json', true, true],
    ['overrides.tf', true, false],
    ['.hidden.tf', false, false],
    ['main.tf~', false, false],
    ['#main.tf#', false, false],
    ['main.tfvars', false, false],
    ['main.tf.bak', false, false],
  ];
  it.each(names)('%s: configuration %s, override %s', (name, config, override) => {
    expect(isConfigFileName(name)).toBe(config);
    if (config) expect(isOverrideFileName(name)).toBe(override);
  });
});

describe('firstInvalidUtf8', () => {
  const cases: Array<[string, number[], number]> = [
    ['ASCII', [0x61, 0x62], -1],
    ['two-byte é', [0xc3, 0xa9], -1],
    ['four-byte emoji', [0xf0, 0x9f, 0x98, 0x80], -1],
    ['Latin-1 é', [0x61, 0xe9, 0x62], 1],
    ['overlong encoding', [0xc0, 0xaf], 0],
    ['truncated sequence', [0x61, 0xe2, 0x82], 1],
    ['surrogate half', [0xed, 0xa0, 0x80], 0],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['lone continuation byte', [0x80], 0],
  ];
  it.each(cases)('%s', (_name, bytes, expected) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(expected);
  });

  it('decodes valid UTF-8, including a byte order mark', () => {
    expect(decodeSource(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), 'x.tf')).toBe('\ufeffa');
  });
});
