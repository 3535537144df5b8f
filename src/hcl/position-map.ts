import type { SourcePos, SourceRange } from '../core/source-range.ts';

/**
 * Maps JavaScript string indexes (UTF-16 code units, what tree-sitter reports for string input) to
 * Terraform positions: 1-based line, 1-based column counted in characters, 0-based UTF-8 byte offset.
 * Also maps Terraform line/column back to positions (for hcl2json error ranges, which carry no bytes).
 */
export class PositionMap {
  readonly filename: string;
  private readonly source: string;
  private readonly lineStarts: number[];
  private readonly ascii: boolean;
  /** Lazily built for non-ASCII sources: UTF-8 byte offset at each UTF-16 index. */
  private byteAt?: Uint32Array;

  constructor(filename: string, source: string) {
    this.filename = filename;
    this.source = source;
    const starts = [0];
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
    // eslint-disable-next-line no-control-regex
    this.ascii = !/[^\x00-\x7f]/.test(source);
  }

  /** Position of the UTF-16 index `index` (clamped to the source). */
  pos(index: number): SourcePos {
    const i = Math.max(0, Math.min(index, this.source.length));
    const lineIndex = this.lineOf(i);
    const lineStart = this.lineStarts[lineIndex] ?? 0;
    if (this.ascii) return { line: lineIndex + 1, column: i - lineStart + 1, byte: i };
    return { line: lineIndex + 1, column: countChars(this.source, lineStart, i) + 1, byte: this.byteOffset(i) };
  }

  range(startIndex: number, endIndex: number): SourceRange {
    return { filename: this.filename, start: this.pos(startIndex), end: this.pos(endIndex) };
  }

  /** UTF-16 index of a 1-based line and 1-based character column (as HCL prints them). */
  indexOfLineColumn(line: number, column: number): number {
    const lineIndex = Math.max(0, Math.min(line - 1, this.lineStarts.length - 1));
    let i = this.lineStarts[lineIndex] ?? 0;
    for (let c = 1; c < column && i < this.source.length; c++) {
      const code = this.source.charCodeAt(i);
      i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    }
    return i;
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
    if (!this.byteAt) {
      const table = new Uint32Array(this.source.length + 1);
      let bytes = 0;
      for (let i = 0; i < this.source.length; i++) {
        table[i] = bytes;
        const code = this.source.charCodeAt(i);
        if (code < 0x80) bytes += 1;
        else if (code < 0x800) bytes += 2;
        else if (code >= 0xd800 && code <= 0xdbff) bytes += 2; // high surrogate: 4 bytes over the pair
        else if (code >= 0xdc00 && code <= 0xdfff) bytes += 2;
        else bytes += 3;
      }
      table[this.source.length] = bytes;
      this.byteAt = table;
    }
    return this.byteAt[index] ?? 0;
  }
}

/** Characters (code points) in source[from, to). */
function countChars(source: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const code = source.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // low surrogate: counted with its pair
    n++;
  }
  return n;
}
