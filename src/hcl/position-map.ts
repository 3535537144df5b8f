import type { SourcePos, SourceRange } from '../core/source-range.ts';

/**
 * Maps JavaScript string indexes (UTF-16 code units, what tree-sitter reports for string input) to
 * Terraform positions: 1-based line, 1-based column counted in grapheme clusters (as HCL counts them:
 * `é` written as e + U+0301 or 👍🏽 is one column), 0-based UTF-8 byte offset.
 * Also maps Terraform line/column back to positions (for hcl2json error ranges, which carry no bytes).
 */
export class PositionMap {
  readonly filename: string;
  private readonly source: string;
  private readonly lineStarts: number[];
  private readonly ascii: boolean;
  /** Lazily built for non-ASCII sources: UTF-8 byte offset at each UTF-16 index. */
  private byteAt?: Uint32Array;
  /** Grapheme cluster starts per non-ASCII line (null: the line is ASCII). */
  private readonly graphemes = new Map<number, number[] | null>();
  /** This file's range classes: their prototypes hold this map, so a range holds only its indexes. */
  private readonly ranges: RangeClasses;

  constructor(filename: string, source: string) {
    this.filename = filename;
    this.source = source;
    const starts = [0];
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
    // eslint-disable-next-line no-control-regex
    this.ascii = !/[^\x00-\x7f]/.test(source);
    this.ranges = rangeClasses(this);
  }

  /** Position of the UTF-16 index `index` (clamped to the source). */
  pos(index: number): SourcePos {
    if (index > this.source.length) {
      // Past the end (HCL's end-of-file token is one character wide): extend the last position.
      const end = this.pos(this.source.length);
      const extra = index - this.source.length;
      return { line: end.line, column: end.column + extra, byte: end.byte + extra };
    }
    const i = Math.max(0, index);
    const lineIndex = this.lineOf(i);
    const lineStart = this.lineStarts[lineIndex] ?? 0;
    if (this.ascii) return { line: lineIndex + 1, column: i - lineStart + 1, byte: i };
    const starts = this.graphemeStarts(lineIndex);
    // Column = grapheme clusters that start before i on this line, plus one (HCL counts clusters).
    const column = starts ? countBelow(starts, i - lineStart) + 1 : i - lineStart + 1;
    return { line: lineIndex + 1, column, byte: this.byteOffset(i) };
  }

  /** The range between two UTF-16 indexes; its positions are computed when read (see {@link IndexRange}). */
  range(startIndex: number, endIndex: number): SourceRange {
    const length = endIndex - startIndex;
    if (startIndex >= 0 && startIndex < SHORT_START_LIMIT && length >= 0 && length <= SHORT_LENGTH_MASK) {
      return new this.ranges.Short(startIndex * (SHORT_LENGTH_MASK + 1) + length);
    }
    return new this.ranges.Long(startIndex, endIndex);
  }

  /** UTF-16 index of a 1-based line and 1-based character column (as HCL prints them). */
  indexOfLineColumn(line: number, column: number): number {
    const lineIndex = Math.max(0, Math.min(line - 1, this.lineStarts.length - 1));
    const lineStart = this.lineStarts[lineIndex] ?? 0;
    const starts = this.ascii ? undefined : this.graphemeStarts(lineIndex);
    if (!starts) return Math.min(this.source.length, lineStart + Math.max(0, column - 1));
    const offset = starts[column - 1];
    if (offset !== undefined) return lineStart + offset;
    // Past the last cluster of the line: one UTF-16 unit per extra column.
    return Math.min(this.source.length, lineStart + this.lineLength(lineIndex) + (column - 1 - starts.length));
  }

  /** UTF-16 length of a line including its newline. */
  private lineLength(lineIndex: number): number {
    const start = this.lineStarts[lineIndex] ?? 0;
    const next = this.lineStarts[lineIndex + 1] ?? this.source.length;
    return next - start;
  }

  /** Offsets (from the line start) where each grapheme cluster of a non-ASCII line starts; undefined for ASCII lines. */
  private graphemeStarts(lineIndex: number): number[] | undefined {
    const cached = this.graphemes.get(lineIndex);
    if (cached !== undefined) return cached ?? undefined;
    const start = this.lineStarts[lineIndex] ?? 0;
    const text = this.source.slice(start, start + this.lineLength(lineIndex));
    // eslint-disable-next-line no-control-regex
    if (!/[^\x00-\x7f]/.test(text)) {
      this.graphemes.set(lineIndex, null);
      return undefined;
    }
    const starts: number[] = [];
    for (const segment of segmenter().segment(text)) starts.push(segment.index);
    this.graphemes.set(lineIndex, starts);
    return starts;
  }

  get length(): number {
    return this.source.length;
  }

  private lineOf(index: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private byteOffset(index: number): number {
    this.byteAt ??= utf8Offsets(this.source);
    return this.byteAt[index] ?? 0;
  }
}

/**
 * The UTF-8 byte offset of each UTF-16 index of `source` and of its end (`source.length`), as `Buffer.from(source)`
 * encodes it: a surrogate pair is 4 bytes (2 counted at each of its units), a lone surrogate 3 (U+FFFD).
 */
export function utf8Offsets(source: string): Uint32Array {
  const n = source.length;
  const table = new Uint32Array(n + 1);
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    table[i] = bytes;
    const code = source.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if ((code & 0xfc00) === 0xd800 && i + 1 < n && (source.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      table[++i] = bytes + 2;
      bytes += 4;
    } else bytes += 3;
  }
  table[n] = bytes;
  return table;
}

/**
 * The UTF-16 index of each UTF-8 byte offset of `source` (the code unit its byte belongs to; the byte length maps to
 * `source.length`): the inverse of {@link utf8Offsets}. Undefined when `source` is ASCII (offsets and indexes are equal).
 */
export function utf16Indexes(source: string): Uint32Array | undefined {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(source)) return undefined;
  const offsets = utf8Offsets(source);
  const n = source.length;
  const table = new Uint32Array(offsets[n]! + 1);
  for (let i = 0; i < n; i++) for (let b = offsets[i]!, end = offsets[i + 1]!; b < end; b++) table[b] = i;
  table[offsets[n]!] = n;
  return table;
}

/**
 * A `SourceRange` stored as the two UTF-16 indexes of one file: `start` and `end` are computed from the file's
 * position map each time they are read (a fresh object each time; positions are never mutated). An AST holds about
 * 25 ranges per resource, and eager `{line, column, byte}` objects were about a quarter of a loaded model's memory;
 * most are never read (only those of a diagnostic, a finding or an edit are). The map is not a field of the range
 * but of its class's prototype: each file has its own subclasses ({@link rangeClasses}), and a range holds only its
 * indexes, both in one small integer for most ranges ({@link ShortRange}: 32 bytes without pointer compression, 48
 * with a map field and two indexes; half a million ranges at 20k resources). `toJSON` gives the plain shape, so JSON
 * output is unchanged; a range copied by spreading (`{...range}`) or sent to another thread must be made plain first
 * ({@link plainRange}).
 */
export abstract class IndexRange implements SourceRange {
  /** The file's position map, on the prototype of the file's range classes (see {@link rangeClasses}). */
  declare protected readonly positions: PositionMap;
  /** UTF-16 index of the range's start in its file. */
  abstract get startIndex(): number;
  /** UTF-16 index of the range's end in its file. */
  abstract get endIndex(): number;

  get filename(): string {
    return this.positions.filename;
  }

  get start(): SourcePos {
    return this.positions.pos(this.startIndex);
  }

  get end(): SourcePos {
    return this.positions.pos(this.endIndex);
  }

  /** The first `length` UTF-16 units of this range (from its start, whatever its end). */
  head(length: number): SourceRange {
    const start = this.startIndex;
    return this.positions.range(start, start + length);
  }

  /** From this range's start to `other`'s end; the same file's map keeps it lazy. */
  through(other: IndexRange): SourceRange {
    if (other.positions === this.positions) return this.positions.range(this.startIndex, other.endIndex);
    return { filename: this.filename, start: this.start, end: other.end };
  }

  toJSON(): SourceRange {
    return plainRange(this);
  }
}

/** Bits of a short range's packed integer that hold its length (the rest hold its start). */
const SHORT_LENGTH_BITS = 8;
const SHORT_LENGTH_MASK = (1 << SHORT_LENGTH_BITS) - 1;
/** Starts below this fit beside the length in a small integer (31 bits; V8 stores it in the field, unboxed). */
const SHORT_START_LIMIT = 2 ** (31 - SHORT_LENGTH_BITS);

/** A range of at most 255 UTF-16 units that starts before index 2^23: its start and length in one small integer. */
abstract class ShortRange extends IndexRange {
  readonly #packed: number;

  constructor(packed: number) {
    super();
    this.#packed = packed;
  }

  get startIndex(): number {
    return this.#packed >>> SHORT_LENGTH_BITS;
  }

  get endIndex(): number {
    return (this.#packed >>> SHORT_LENGTH_BITS) + (this.#packed & SHORT_LENGTH_MASK);
  }
}

/** Any other range: its two indexes. */
abstract class LongRange extends IndexRange {
  readonly #start: number;
  readonly #end: number;

  constructor(startIndex: number, endIndex: number) {
    super();
    this.#start = startIndex;
    this.#end = endIndex;
  }

  get startIndex(): number {
    return this.#start;
  }

  get endIndex(): number {
    return this.#end;
  }
}

interface RangeClasses {
  Short: new (packed: number) => IndexRange;
  Long: new (startIndex: number, endIndex: number) => IndexRange;
}

/** The range classes of one file: whose prototypes hold `positions` (not enumerable). */
function rangeClasses(positions: PositionMap): RangeClasses {
  class Short extends ShortRange {}
  class Long extends LongRange {}
  Object.defineProperty(Short.prototype, 'positions', { value: positions });
  Object.defineProperty(Long.prototype, 'positions', { value: positions });
  return { Short, Long };
}

/**
 * The range from the start of `from` to the end of `to` (lazy when both are ranges of the same file's map); `from`
 * itself when `to` is the same range (a block without labels: its header is its type keyword).
 */
export function spanRanges(from: SourceRange, to: SourceRange): SourceRange {
  if (from === to) return from;
  if (from instanceof IndexRange && to instanceof IndexRange) return from.through(to);
  return { filename: from.filename, start: from.start, end: to.end };
}

/** A plain-object copy of `range` (own data properties only, as JSON and structured clone see them). */
export function plainRange(range: SourceRange): SourceRange {
  return { filename: range.filename, start: range.start, end: range.end };
}

let sharedSegmenter: Intl.Segmenter | undefined;
function segmenter(): Intl.Segmenter {
  sharedSegmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return sharedSegmenter;
}

/** How many of the sorted `values` are below `limit`. */
function countBelow(values: number[], limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] ?? 0) < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
