import { existsSync, readFileSync, statSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';

/**
 * A JSON-lines asset stored as several gzip members (consecutive runs of lines) plus a sidecar index (`<file>.idx.json`)
 * naming the key of every line of every member, so one line is read by inflating one member (~16 KB) instead of the
 * whole file (the aws schema and provider checks are 9.7 MB and 2.7 MB of text). Gunzipped whole, the file is the
 * plain JSON lines (gzip concatenates members), so `zcat` and older readers still see the same content.
 */
export interface GzipIndex {
  version: 1;
  /** Size of the gzip file the index describes (a stale index is ignored). */
  bytes: number;
  /** Per member: byte offset, byte length, and the key of each of its lines in order (null: a line without a key). */
  members: Array<[number, number, Array<string | null>]>;
}

/** Target size of one member's text: small enough to inflate in well under a millisecond, large enough to compress. */
const MEMBER_CHARS = 16_384;

/** The index file of an indexed gzip asset. */
export function gzipIndexPath(file: string): string {
  return `${file}.idx.json`;
}

/** Compresses `lines` (each without its newline) into members and indexes them by `keyOf(line)`. */
export function writeIndexedGzip(lines: readonly string[], keyOf: (line: string) => string | null): { gz: Buffer; index: GzipIndex } {
  const parts: Buffer[] = [];
  const members: GzipIndex['members'] = [];
  let offset = 0;
  let current: string[] = [];
  let chars = 0;
  const flush = (): void => {
    if (current.length === 0) return;
    const gz = gzipSync(`${current.join('\n')}\n`, { level: 9 });
    members.push([offset, gz.length, current.map(keyOf)]);
    parts.push(gz);
    offset += gz.length;
    current = [];
    chars = 0;
  };
  for (const line of lines) {
    current.push(line);
    chars += line.length;
    if (chars >= MEMBER_CHARS) flush();
  }
  flush();
  return { gz: Buffer.concat(parts), index: { version: 1, bytes: offset, members } };
}

/** Reads single lines of an indexed gzip asset by key, inflating only the members asked for. */
export class IndexedGzipLines {
  private readonly memberOf = new Map<string, number>();
  private readonly inflated = new Map<number, Map<string, string>>();
  private data: Buffer | undefined;

  private constructor(
    private readonly file: string,
    private readonly index: GzipIndex,
  ) {
    index.members.forEach(([, , keys], member) => {
      for (const key of keys) if (key !== null) this.memberOf.set(key, member);
    });
  }

  /** The reader of `file`, or undefined when it has no index or the index does not describe this file. */
  static open(file: string): IndexedGzipLines | undefined {
    const indexFile = gzipIndexPath(file);
    if (!existsSync(indexFile)) return undefined;
    const index = JSON.parse(readFileSync(indexFile, 'utf8')) as GzipIndex;
    if (index.version !== 1 || !existsSync(file) || statSync(file).size !== index.bytes) return undefined;
    return new IndexedGzipLines(file, index);
  }

  /** The line with this key, or undefined. */
  get(key: string): string | undefined {
    const member = this.memberOf.get(key);
    if (member === undefined) return undefined;
    let lines = this.inflated.get(member);
    if (!lines) {
      const [offset, length, keys] = this.index.members[member]!;
      const text = gunzipSync(this.bytes().subarray(offset, offset + length)).toString('utf8').split('\n');
      lines = new Map();
      keys.forEach((k, i) => {
        if (k !== null) lines!.set(k, text[i]!);
      });
      this.inflated.set(member, lines);
    }
    return lines.get(key);
  }

  /** Every key, in file order. */
  keys(): string[] {
    return [...this.memberOf.keys()];
  }

  private bytes(): Buffer {
    return (this.data ??= readFileSync(this.file));
  }
}
