import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BASELINE_MAX_BYTES, announceHclSyntaxChecks, chooseWasm, hclWorkerBaseline, hclWorkerResourceLimits, hclWorkerRunning, parseInWorker, stopHclWorker, takeAnnounced } from './hcl-syntax-worker.ts';

describe('HCL syntax worker', () => {
  it("answers HCL's verdict and error text", async () => {
    expect(await parseInWorker('a.tf', 'a = 1\n', 10_000)).toEqual({ kind: 'ok' });
    const broken = await parseInWorker('a.tf', 'a =\n', 10_000);
    expect(broken).toEqual({ kind: 'error', message: 'parse config: [a.tf:1,4-2,1: Invalid expression; Expected the start of an expression, but found an invalid expression token.]' });
  });

  it('runs with a small young generation (its JavaScript heap holds little more than the file in flight)', async () => {
    await parseInWorker('a.tf', 'a = 1\n', 10_000);
    expect(hclWorkerResourceLimits()?.maxYoungGenerationSizeMb).toBe(1);
  });

  it('stops when idle for a second and starts again for the next file', async () => {
    await parseInWorker('a.tf', 'a = 1\n', 10_000);
    expect(hclWorkerRunning()).toBe(true);
    await sleep(1300);
    expect(hclWorkerRunning()).toBe(false);
    expect(await parseInWorker('a.tf', 'b = 2\n', 10_000)).toEqual({ kind: 'ok' });
  });

  it('compiles HCL for the baseline compiler only when little HCL is to be checked, else lets V8 optimise', async () => {
    stopHclWorker();
    expect(await parseInWorker('a.tf', 'a = 1\n', 10_000)).toEqual({ kind: 'ok' });
    expect(hclWorkerBaseline()).toBe(true);
    stopHclWorker();
    // A loader announced a large module: the worker started for its first file optimises from the start.
    announceHclSyntaxChecks(BASELINE_MAX_BYTES + 1);
    takeAnnounced(6);
    expect(await parseInWorker('a.tf', 'a = 1\n', 10_000)).toEqual({ kind: 'ok' });
    expect(hclWorkerRunning()).toBe(true);
    expect(hclWorkerBaseline()).toBe(false);
    takeAnnounced(BASELINE_MAX_BYTES);
    stopHclWorker();
  });

  it('replaces a baseline worker once it has checked more than the baseline bound', async () => {
    stopHclWorker();
    const lines = Math.ceil(BASELINE_MAX_BYTES / 2 / 40);
    const file = Array.from({ length: lines }, (_, i) => `value_${i} = "some text to fill the file"\n`).join('');
    expect(file.length).toBeLessThan(BASELINE_MAX_BYTES);
    expect(2 * file.length).toBeGreaterThan(BASELINE_MAX_BYTES);
    expect(await parseInWorker('a.tf', file, 60_000)).toEqual({ kind: 'ok' });
    expect(hclWorkerBaseline()).toBe(true);
    // With a verdict the same either way, only the compiler differs: the next worker optimises.
    const second = await parseInWorker('b.tf', file.replace('some', 'more'), 60_000);
    expect(second).toEqual({ kind: 'ok' });
    expect(hclWorkerRunning()).toBe(false);
    expect(await parseInWorker('c.tf', 'c = 3\n', 10_000)).toEqual({ kind: 'ok' });
    expect(hclWorkerBaseline()).toBe(false);
  }, 60_000);

  // ~580 KB of HCL grows the Go heap to ~190 MB; about 1 s of CPU (several on a loaded machine).
  it('is replaced after a file that grew its memory past the bound (WebAssembly memory never shrinks)', async () => {
    const big = Array.from({ length: 6000 }, (_, i) => `resource "aws_s3_bucket" "b${i}" {\n  bucket = "b-${i}"\n  tags = { Name = "n${i}", Team = "t" }\n}\n`).join('');
    expect(big.length).toBeGreaterThan(500_000);
    await parseInWorker('a.tf', 'a = 1\n', 10_000);
    expect(await parseInWorker('big.tf', big, 120_000)).toEqual({ kind: 'ok' });
    expect(hclWorkerRunning()).toBe(false);
  }, 130_000);

  it("loads the build's inflated module only when it matches the packed one by size and is not older", () => {
    const dir = mkdtempSync(join(tmpdir(), 'iacpac-wasm-'));
    const packed = join(dir, 'm.wasm.gz');
    const inflated = join(dir, 'm.wasm');
    const bytes = Buffer.from('\0asm\u0001\0\0\0 module bytes');
    writeFileSync(packed, gzipSync(bytes));
    expect(chooseWasm(packed, inflated)).toBe(packed); // no build
    writeFileSync(inflated, bytes);
    utimesSync(packed, 1000, 1000);
    utimesSync(inflated, 2000, 2000);
    expect(chooseWasm(packed, inflated)).toBe(inflated);
    utimesSync(inflated, 1000, 1000); // same time (npm sets one time on every file of a package)
    expect(chooseWasm(packed, inflated)).toBe(inflated);
    utimesSync(packed, 3000, 3000); // the asset changed after the build
    expect(chooseWasm(packed, inflated)).toBe(packed);
    writeFileSync(inflated, Buffer.concat([bytes, Buffer.from('x')]));
    utimesSync(inflated, 4000, 4000); // newer but not the same module
    expect(chooseWasm(packed, inflated)).toBe(packed);
  });
});
