import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { hclWorkerRunning, parseInWorker } from './hcl-syntax-worker.ts';

describe('HCL syntax worker', () => {
  it("answers HCL's verdict and error text", async () => {
    expect(await parseInWorker('a.tf', 'a = 1\n', 10_000)).toEqual({ kind: 'ok' });
    const broken = await parseInWorker('a.tf', 'a =\n', 10_000);
    expect(broken).toEqual({ kind: 'error', message: 'parse config: [a.tf:1,4-2,1: Invalid expression; Expected the start of an expression, but found an invalid expression token.]' });
  });

  it('stops when idle for a second and starts again for the next file', async () => {
    await parseInWorker('a.tf', 'a = 1\n', 10_000);
    expect(hclWorkerRunning()).toBe(true);
    await sleep(1300);
    expect(hclWorkerRunning()).toBe(false);
    expect(await parseInWorker('a.tf', 'b = 2\n', 10_000)).toEqual({ kind: 'ok' });
  });

  // ~580 KB of HCL grows the Go heap to ~190 MB; about 1 s of CPU (several on a loaded machine).
  it('is replaced after a file that grew its memory past the bound (WebAssembly memory never shrinks)', async () => {
    const big = Array.from({ length: 6000 }, (_, i) => `resource "aws_s3_bucket" "b${i}" {\n  bucket = "b-${i}"\n  tags = { Name = "n${i}", Team = "t" }\n}\n`).join('');
    expect(big.length).toBeGreaterThan(500_000);
    await parseInWorker('a.tf', 'a = 1\n', 10_000);
    expect(await parseInWorker('big.tf', big, 120_000)).toEqual({ kind: 'ok' });
    expect(hclWorkerRunning()).toBe(false);
  }, 130_000);
});
