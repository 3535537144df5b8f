import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hclWorkerRunning, stopHclWorker } from '../hcl/hcl-syntax-worker.ts';
import { analyzeRoot, type RootTask } from './analyze-root.ts';
import { POOL_YOUNG_GENERATION_MB, answerRootRequest, plainRanges, startWorker, type RootReply } from './worker-pool.ts';

const work = mkdtempSync(join(tmpdir(), 'iacpac-pool-'));
afterAll(() => {
  stopHclWorker();
  rmSync(work, { recursive: true, force: true });
});
writeFileSync(join(work, 'main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n');
const task: RootTask = { dir: work, validate: true, scan: false, options: {} };

function root(name: string, source: string): string {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'main.tf'), source);
  return dir;
}

describe('root pool worker threads', () => {
  it('stop their HCL parser worker after the load of the last root they are sent (lastLoad)', async () => {
    const first = await answerRootRequest({ id: 0, task, lastLoad: false });
    expect(first.error).toBeUndefined();
    expect(hclWorkerRunning()).toBe(true);
    const last = await answerRootRequest({ id: 1, task, lastLoad: true });
    expect(last).toMatchObject({ id: 1, outcome: { dir: work, validation: { valid: true } } });
    expect(hclWorkerRunning()).toBe(false);
  });

  it('send outcomes that a structured clone copies whole once their source ranges are plain', async () => {
    const dirs = [
      root('findings', 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  nonsense = 1\n}\n\nresource "aws_security_group" "open" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n'),
      root('broken', 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n'),
    ];
    for (const dir of dirs) {
      const outcome = await analyzeRoot({ dir, validate: true, scan: true, options: {} });
      const asJson = JSON.parse(JSON.stringify(outcome)) as unknown;
      const ranges = JSON.stringify(asJson).match(/"start":\{"line":\d+/g) ?? [];
      expect(ranges.length, dir).toBeGreaterThan(1);
      expect(structuredClone(plainRanges(outcome)), dir).toEqual(asJson);
    }
  });

  it(`run with a young generation of ${POOL_YOUNG_GENERATION_MB} MB and answer as this thread analyses`, async () => {
    const dir = root('pooled', 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  acl    = "public-read"\n}\n');
    const pooled: RootTask = { dir, validate: true, scan: true, options: {} };
    const worker = startWorker();
    try {
      const reply = await new Promise<RootReply>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ id: 3, task: pooled, lastLoad: true });
      });
      expect(worker.resourceLimits?.maxYoungGenerationSizeMb).toBe(POOL_YOUNG_GENERATION_MB);
      const here = JSON.parse(JSON.stringify(await analyzeRoot(pooled))) as unknown;
      expect(reply).toEqual({ id: 3, outcome: here });
      expect((here as { scan: { findings: unknown[] } }).scan.findings.length).toBeGreaterThan(0);
    } finally {
      await worker.terminate();
    }
  }, 30_000);
});
