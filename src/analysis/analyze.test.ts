import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectGarbage } from '../core/collect-garbage.ts';
import { Scanner } from '../scan/scanner.ts';
import { analysisCounters, analyze } from './analyze.ts';

const work = mkdtempSync(join(tmpdir(), 'iacpac-analysis-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function folder(name: string, source: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.tf'), source);
  return dir;
}

describe('Analysis plans', () => {
  it('shares one synthesis between the scan input and the plan when the lenient reading changes nothing', async () => {
    const analysis = await analyze(folder('valid', 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n'));
    const before = analysisCounters.syntheses;
    expect(analysis.scanPlan.lenientUsed).toBe(false);
    expect(analysis.plan).toBe(analysis.scanPlan);
    expect(analysisCounters.syntheses - before).toBe(1);
  });

  it('keeps the standard plan apart when the scan input reads more of a broken configuration', { timeout: 30_000 }, async () => {
    const analysis = await analyze(folder('misspelt', 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  acceleration = "Enabled"\n}\n'));
    const after = (plan: typeof analysis.plan) => plan.plan.resource_changes?.[0]?.change.after as Record<string, unknown>;
    expect(analysis.scanPlan.lenientUsed).toBe(true);
    expect(after(analysis.scanPlan).acceleration).toBe('Enabled');
    expect(after(analysis.plan).acceleration).toBeUndefined();
  });
});

describe('Analysis.prepareScan', () => {
  it('gives the scan of the analysis without holding its configuration', { timeout: 30_000 }, async () => {
    const dir = folder('prepared', [
      'resource "aws_s3_bucket" "b" {',
      '  bucket = "b"',
      '}',
      '',
      '# iacpac:ignore=IACPAC_AWS_S3_001 test data',
      'resource "aws_s3_bucket_acl" "a" {',
      '  bucket = aws_s3_bucket.b.id',
      '  acl    = "public-read"',
      '}',
      '',
    ].join('\n'));
    const scanner = new Scanner();
    const expected = (await analyze(dir)).scan(scanner);
    expect(expected.findings.length).toBeGreaterThan(0);
    let analysis: Awaited<ReturnType<typeof analyze>> | undefined = await analyze(dir);
    const model = new WeakRef(analysis.configuration);
    const scan = analysis.prepareScan(scanner);
    analysis = undefined;
    // Only the prepared scan is left: the model (the configuration) can be collected before it runs.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(model.deref()).toBeUndefined();
    expect(scan.run()).toEqual(expected);
  });
});
