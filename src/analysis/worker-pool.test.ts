import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hclWorkerRunning, stopHclWorker } from '../hcl/hcl-syntax-worker.ts';
import type { RootTask } from './analyze-root.ts';
import { answerRootRequest } from './worker-pool.ts';

const work = mkdtempSync(join(tmpdir(), 'iacpac-pool-'));
afterAll(() => {
  stopHclWorker();
  rmSync(work, { recursive: true, force: true });
});
writeFileSync(join(work, 'main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n');
const task: RootTask = { dir: work, validate: true, scan: false, options: {} };

describe('root pool worker threads', () => {
  it('stop their HCL parser worker after the load of the last root they are sent (lastLoad)', async () => {
    const first = await answerRootRequest({ id: 0, task, lastLoad: false });
    expect(first.error).toBeUndefined();
    expect(hclWorkerRunning()).toBe(true);
    const last = await answerRootRequest({ id: 1, task, lastLoad: true });
    expect(last).toMatchObject({ id: 1, outcome: { dir: work, validation: { valid: true } } });
    expect(hclWorkerRunning()).toBe(false);
  });
});
