// End-to-end tests of `iacpac check` (validate + scan): the quick-start demo, JSON output and exit codes.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const fixtures = 'test/e2e/fixtures/scan';

/** Runs the CLI asynchronously (a blocking spawn would starve vitest's worker RPC on a loaded machine). */
function iacpac(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('iacpac check', () => {
  it('reports the bundled insecure example as valid but insecure (exit 1)', async () => {
    const run = await iacpac('check', 'examples/insecure-s3', '--no-color');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('== validate examples/insecure-s3\n  valid\n== security scan\n');
    expect(run.stdout).toMatch(/HIGH {5}IACPAC_AWS_S3_016 {2}aws_s3_bucket\.logs:15/);
    expect(run.stdout).toMatch(/INFO {5}IACPAC_AWS_EC2_001 {2}aws_security_group\.web:24/);
  });

  it('prints validation and findings as JSON', async () => {
    const run = await iacpac('check', `${fixtures}/invalid`, '--format', 'json');
    expect(run.code).toBe(1);
    const [result] = JSON.parse(run.stdout) as Array<{ dir: string; validate: { valid: boolean; diagnostics: Array<{ summary: string }> }; findings: unknown[] }>;
    expect(result?.dir).toBe(`${fixtures}/invalid`);
    expect(result?.validate.valid).toBe(false);
    expect(result?.validate.diagnostics.map((d) => d.summary)).toContain('Unsupported argument');
    expect(result?.findings.length).toBeGreaterThan(0);
  });

  it('exits 0 for a valid configuration without findings at the threshold', async () => {
    const run = await iacpac('check', `${fixtures}/configured`);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('0 findings');
  });

  it('rejects output formats it does not render', async () => {
    const run = await iacpac('check', `${fixtures}/configured`, '--format', 'sarif');
    expect(run.code).toBe(2);
  });
});
