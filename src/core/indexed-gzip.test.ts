import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { assetPath } from './package-root.ts';
import { IndexedGzipLines, gzipIndexPath, writeIndexedGzip } from './indexed-gzip.ts';
import { bundleLineKey, indexBundle } from '../schema/bundle-format.ts';

const dir = mkdtempSync(join(tmpdir(), 'iacpac-indexed-gzip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, lines: string[], keyOf: (line: string) => string | null): string {
  const file = join(dir, name);
  const { gz, index } = writeIndexedGzip(lines, keyOf);
  writeFileSync(file, gz);
  writeFileSync(gzipIndexPath(file), JSON.stringify(index));
  return file;
}

describe('indexed gzip assets', () => {
  // Lines long enough that the file spans many members.
  const lines = ['header', ...Array.from({ length: 400 }, (_, i) => `k${i} ${'x'.repeat(i * 7)}`)];
  const keyOf = (line: string) => (line === 'header' ? null : line.split(' ')[0]!);

  it('gunzips whole to the plain lines and reads any line by key from its own member', () => {
    const file = write('a.jsonl.gz', lines, keyOf);
    expect(gunzipSync(readFileSync(file)).toString('utf8')).toBe(`${lines.join('\n')}\n`);
    const index = JSON.parse(readFileSync(gzipIndexPath(file), 'utf8')) as { members: unknown[] };
    expect(index.members.length).toBeGreaterThan(10);
    const reader = IndexedGzipLines.open(file)!;
    for (const i of [0, 1, 199, 399]) expect(reader.get(`k${i}`)).toBe(lines[i + 1]);
    expect(reader.get('k400')).toBeUndefined();
    expect(reader.get('header')).toBeUndefined();
    expect(reader.keys()).toEqual(lines.slice(1).map(keyOf));
  });

  it('is not used when the index is missing or describes another file', () => {
    const file = write('b.jsonl.gz', lines, keyOf);
    writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from([0])]));
    expect(IndexedGzipLines.open(file)).toBeUndefined();
    expect(IndexedGzipLines.open(join(dir, 'missing.jsonl.gz'))).toBeUndefined();
  });

  it('the bundled aws schema reads the same lines through its index as through the whole file', () => {
    const file = assetPath('schemas', 'aws-5.100.0.jsonl.gz');
    const reader = IndexedGzipLines.open(file);
    expect(reader, 'assets/schemas/aws-5.100.0.jsonl.gz.idx.json is missing or stale: run scripts/compact-schema.ts').toBeDefined();
    const whole = indexBundle(gunzipSync(readFileSync(file)).toString('utf8')).lines;
    const keys = [...whole].flatMap(([kind, byName]) => [...byName.keys()].map((name) => `${kind} ${name}`));
    expect(reader!.keys()).toEqual(keys);
    for (const [kind, byName] of whole) for (const [name, line] of byName) expect(reader!.get(`${kind} ${name}`)).toBe(line);
    expect(bundleLineKey(whole.get('managed')!.get('aws_s3_bucket')!)).toBe('managed aws_s3_bucket');
  });
});
