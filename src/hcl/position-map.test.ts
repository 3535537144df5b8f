import { describe, expect, it } from 'vitest';
import { collectGarbage, heapInUse } from '../core/collect-garbage.ts';
import { plainRange, PositionMap, spanRanges, utf16Indexes, utf8Offsets } from './position-map.ts';

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

describe('UTF-8 offsets and UTF-16 indexes', () => {
  // ASCII, 2- and 3-byte characters, a surrogate pair, a lone high surrogate before ASCII, a lone low surrogate
  const source = 'a\u00e9\u20ac\ud83d\ude00b\ud800c\udc00d\n';
  /** Indexes that do not split a surrogate pair. */
  const boundaries = [...Array(source.length + 1).keys()].filter((i) => !(i > 0 && /[\ud800-\udbff]/.test(source[i - 1]!) && /[\udc00-\udfff]/.test(source[i] ?? '')));

  it('count bytes as Buffer encodes the text (lone surrogates as 3 bytes)', () => {
    const offsets = utf8Offsets(source);
    const map = new PositionMap('main.tf', source);
    for (const i of boundaries) {
      expect(offsets[i], `index ${i}`).toBe(Buffer.byteLength(source.slice(0, i)));
      expect(map.pos(i).byte, `index ${i}`).toBe(offsets[i]);
    }
  });

  it('map each byte offset back to its UTF-16 index', () => {
    const offsets = utf8Offsets(source);
    const indexes = utf16Indexes(source)!;
    expect(indexes).toHaveLength(Buffer.byteLength(source) + 1);
    for (const i of boundaries) expect(indexes[offsets[i]!], `index ${i}`).toBe(i);
    // the continuation bytes of a character belong to it
    expect(indexes[2]).toBe(1);
    expect(utf16Indexes('plain ascii')).toBeUndefined();
  });
});

describe('source ranges', () => {
  it('read their positions from their own file', () => {
    const a = new PositionMap('a.tf', 'x = 1\ny = 2\n');
    const b = new PositionMap('b.tf', 'é = 1\n');
    expect(plainRange(a.range(6, 11))).toEqual({ filename: 'a.tf', start: { line: 2, column: 1, byte: 6 }, end: { line: 2, column: 6, byte: 11 } });
    expect(plainRange(b.range(1, 5))).toEqual({ filename: 'b.tf', start: { line: 1, column: 2, byte: 2 }, end: { line: 1, column: 6, byte: 6 } });
    expect(JSON.parse(JSON.stringify(spanRanges(a.range(0, 1), a.range(8, 11))))).toEqual({ filename: 'a.tf', start: { line: 1, column: 1, byte: 0 }, end: { line: 2, column: 6, byte: 11 } });
    // across files: the start of one, the end of the other
    expect(plainRange(spanRanges(a.range(0, 1), b.range(1, 5)))).toEqual({ filename: 'a.tf', start: { line: 1, column: 1, byte: 0 }, end: { line: 1, column: 6, byte: 6 } });
    // nothing but the range's own shape is enumerable (the map is on its class's prototype)
    const keys: string[] = [];
    for (const key in a.range(0, 1)) keys.push(key);
    expect(keys).toEqual([]);
  });

  /** Heap bytes per range of `make(i)`, for 100k ranges kept alive. */
  const bytesPerRange = (make: (i: number) => unknown): number => {
    const count = 100_000;
    const ranges = new Array<unknown>(count).fill(null);
    collectGarbage();
    const before = heapInUse();
    for (let i = 0; i < count; i++) ranges[i] = make(i);
    collectGarbage();
    const perRange = (heapInUse() - before) / count;
    expect(ranges[count - 1]).toBeDefined();
    return perRange;
  };

  it('hold only their indexes (the map is held by their class): 40 bytes without pointer compression, 32 for most', () => {
    const map = new PositionMap('main.tf', 'x = 1\n'.repeat(2000));
    // up to 255 characters from a start below 2^23: one small integer
    expect(bytesPerRange((i) => map.range(i % 12000, (i % 12000) + (i % 256)))).toBeLessThan(36);
    expect(bytesPerRange((i) => map.range(i % 6000, (i % 6000) + 256 + i))).toBeLessThan(44);
  });

  it('keep their indexes whether one integer holds them or two do', () => {
    const source = 'x'.repeat(2 ** 23 + 300);
    const map = new PositionMap('big.tf', source);
    for (const [start, end] of [[0, 0], [0, 255], [0, 256], [2 ** 23 - 1, 2 ** 23 + 254], [2 ** 23, 2 ** 23 + 1], [10, 5]] as const) {
      const range = map.range(start, end);
      expect([range.start.byte, range.end.byte], `${start}-${end}`).toEqual([start, end]);
    }
  });
});
