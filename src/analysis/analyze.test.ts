import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
