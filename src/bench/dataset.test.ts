import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assetPath } from '../core/package-root.ts';
import { loadDataset } from './dataset.ts';

describe('loadDataset', () => {
  it('loads the bundled IaC-Eval copy: 458 rows with the documented difficulty counts', async () => {
    const tasks = await loadDataset(assetPath('datasets', 'iac-eval.jsonl.gz'));
    expect(tasks.length).toBe(458);
    const perDifficulty = [1, 2, 3, 4, 5, 6].map((d) => tasks.filter((t) => t.difficulty === d).length);
    expect(perDifficulty).toEqual([45, 95, 113, 58, 72, 75]);
    expect(tasks[0]!.index).toBe(0);
    expect(tasks[0]!.regoIntent).toContain('package terraform.validation');
  });

  it('reads the original CSV column names and filters by difficulty, seed and limit deterministically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iacpac-ds-'));
    const csv = join(dir, 'data.csv');
    const rows = Array.from({ length: 6 }, (_, i) => `"aws_s3_bucket","Prompt ${i}, with comma","package x","${(i % 2) + 1}","resource ""a"" ""b"" {}",""`);
    writeFileSync(csv, `Resource,Prompt,Rego intent,Difficulty,Reference output,Intent\n${rows.join('\n')}\n`);
    const all = await loadDataset(csv);
    expect(all.map((t) => t.prompt)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `Prompt ${i}, with comma`));
    expect(all[0]!.referenceOutput).toBe('resource "a" "b" {}');
    const filtered = await loadDataset(csv, { difficulties: [2] });
    expect(filtered.map((t) => t.index)).toEqual([1, 3, 5]);
    const a = await loadDataset(csv, { seed: 7, limit: 3 });
    const b = await loadDataset(csv, { seed: 7, limit: 3 });
    expect(a.map((t) => t.index)).toEqual(b.map((t) => t.index));
    expect(a.length).toBe(3);
  });

  it('reads a parquet file with the HF column names (as the original dataset is published)', async () => {
    const { parquetWriteBuffer } = await import('hyparquet-writer');
    const dir = mkdtempSync(join(tmpdir(), 'iacpac-ds-'));
    const file = join(dir, 'data.parquet');
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: 'Resource', data: ['aws_s3_bucket', 'aws_vpc'], type: 'STRING' },
        { name: 'Prompt', data: ['Make a bucket', 'Make a VPC'], type: 'STRING' },
        { name: 'Rego intent', data: ['package a', 'package b'], type: 'STRING' },
        { name: 'Difficulty', data: [1, 3], type: 'INT32' },
        { name: 'Reference output', data: ['resource "aws_s3_bucket" "b" {}', 'resource "aws_vpc" "v" {}'], type: 'STRING' },
        { name: 'Intent', data: ['a bucket', 'a vpc'], type: 'STRING' },
      ],
    });
    writeFileSync(file, Buffer.from(buffer));
    const tasks = await loadDataset(file);
    expect(tasks).toEqual([
      { index: 0, resource: 'aws_s3_bucket', prompt: 'Make a bucket', regoIntent: 'package a', difficulty: 1, referenceOutput: 'resource "aws_s3_bucket" "b" {}', intent: 'a bucket' },
      { index: 1, resource: 'aws_vpc', prompt: 'Make a VPC', regoIntent: 'package b', difficulty: 3, referenceOutput: 'resource "aws_vpc" "v" {}', intent: 'a vpc' },
    ]);
  });

  it.each([
    ['missing file', 'nope.jsonl', /dataset not found/],
    ['unknown extension', 'data.txt', /unsupported dataset format/],
  ])('rejects a %s with one clear line', async (_name, file, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'iacpac-ds-'));
    if (file === 'data.txt') writeFileSync(join(dir, file), 'x');
    await expect(loadDataset(join(dir, file))).rejects.toThrow(message);
  });
});
