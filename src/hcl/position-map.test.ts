import { describe, expect, it } from 'vitest';
import { PositionMap } from './position-map.ts';

describe('PositionMap', () => {
  const source = 'ab\ncé😀x\r\ne\u0301y\n';
  const map = new PositionMap('main.tf', source);
  const cases: Array<[string, number, { line: number; column: number; byte: number }]> = [
    ['file start', 0, { line: 1, column: 1, byte: 0 }],
    ['newline', 2, { line: 1, column: 3, byte: 2 }],
    ['second line', 3, { line: 2, column: 1, byte: 3 }],
    ['after a two-byte character', 5, { line: 2, column: 3, byte: 6 }],
    ['after an astral character (two UTF-16 units, four bytes)', 7, { line: 2, column: 4, byte: 10 }],
    ['carriage return', 8, { line: 2, column: 5, byte: 11 }],
    ['after a combining mark (one grapheme)', 12, { line: 3, column: 2, byte: 16 }],
    ['end of file', source.length, { line: 4, column: 1, byte: 18 }],
    ['one past the end', source.length + 1, { line: 4, column: 2, byte: 19 }],
  ];
  it.each(cases)('%s', (_name, index, expected) => {
    expect(map.pos(index)).toEqual(expected);
  });

  it('maps HCL line and column back to string indexes', () => {
    expect(map.indexOfLineColumn(2, 4)).toBe(7);
    expect(map.indexOfLineColumn(3, 2)).toBe(12);
    expect(map.indexOfLineColumn(1, 3)).toBe(2);
  });
});
