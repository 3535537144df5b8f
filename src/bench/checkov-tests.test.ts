import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { matchAddress, metrics, rowRoots, scanRoots } from './checkov-tests.ts';

const work = mkdtempSync(join(tmpdir(), 'iacpac-checkov-tests-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('matchAddress (compare.py rules)', () => {
  it.each([
    ['aws_s3_bucket.b', 'aws_s3_bucket.b', 'exact'],
    ['aws_iam_policy_document.p', 'data.aws_iam_policy_document.p', 'exact'],
    ['module.m.aws_iam_policy_document.p', 'module.m.data.aws_iam_policy_document.p', 'exact'],
    ['aws_s3_bucket.b', 'aws_s3_bucket.b[0]', 'instance'],
    ['module.m.aws_s3_bucket.b', 'module.m["x"].aws_s3_bucket.b["k"]', 'instance'],
    ["aws_s3_bucket.b['k']", 'aws_s3_bucket.b["k"]', 'exact'],
    ['aws_s3_bucket.b["k"]', 'aws_s3_bucket.b', 'loose'],
    ['aws_s3_bucket.b["k"]', 'aws_s3_bucket.b["j"]', undefined],
    ['aws_s3_bucket.b', 'aws_s3_bucket.bb', undefined],
  ] as const)('%s vs %s: %s', (expected, found, how) => {
    expect(matchAddress(expected, found)).toBe(how);
  });
});

describe('metrics', () => {
  it('counts Checkov FAIL rows as positives', () => {
    expect(metrics({ TP: 3, FP: 1, FN: 1, TN: 5 })).toEqual({ n: 10, TP: 3, FP: 1, FN: 1, TN: 5, agreement: 0.8, precision: 0.75, recall: 0.75 });
    expect(metrics({ TP: 0, FP: 0, FN: 0, TN: 2 })).toMatchObject({ agreement: 1, precision: null, recall: null });
  });
});

describe('scanRoots', () => {
  it('scans every folder with .tf files except local modules called from another folder', () => {
    const fixture = join(work, 'fx');
    for (const d of ['', 'modules/a', 'other', 'empty']) mkdirSync(join(fixture, d), { recursive: true });
    writeFileSync(join(fixture, 'main.tf'), 'module "a" {\n  source = "./modules/a"\n}\n');
    writeFileSync(join(fixture, 'modules/a/main.tf'), 'resource "aws_s3_bucket" "b" {}\n');
    writeFileSync(join(fixture, 'other/main.tf'), 'resource "aws_s3_bucket" "c" {}\n');
    const roots = scanRoots(fixture);
    expect(roots).toEqual([fixture, join(fixture, 'other')]);
    expect(rowRoots({ check_id: 'X', expected: 'PASS', fixture: 'fx', resource: 'r', source: '', style: 'graph', root: 'other' }, fixture, roots)).toEqual([
      join(fixture, 'other'),
    ]);
  });

  it('scans a plan file as it is', () => {
    const plan = join(work, 'tfplan.json');
    writeFileSync(plan, '{}');
    expect(scanRoots(plan)).toEqual([plan]);
  });
});
