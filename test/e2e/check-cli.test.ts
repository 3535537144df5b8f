// End-to-end tests of `iacpac check` (validate + scan): the quick-start demo, JSON output and exit codes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iacpac as runIacpac } from '../helpers/cli.ts';

const fixtures = 'test/e2e/__fixtures__/scan';

const iacpac = (...args: string[]) => runIacpac(args);

describe('iacpac check', () => {
  it('reports the bundled insecure example as valid but insecure (exit 1)', async () => {
    const run = await iacpac('check', 'examples/insecure-s3', '--no-color');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('== validate examples/insecure-s3\n  valid\n== security scan\n');
    expect(run.stdout).toMatch(/HIGH {5}IACPAC_AWS_S3_016 {2}aws_s3_bucket\.logs:15/);
    expect(run.stdout).toMatch(/INFO {5}IACPAC_AWS_EC2_001 {2}aws_security_group\.web:24/);
  });

  it('prints validation and findings in the scan JSON document (one shape for check and scan)', async () => {
    const run = await iacpac('check', `${fixtures}/invalid`, '--format', 'json');
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as {
      version: number;
      results: Array<{ dir: string; validation: { valid: boolean; diagnostics: Array<{ summary: string }> }; findings: unknown[] }>;
      summary: { invalid: number };
    };
    const [result] = doc.results;
    expect(doc.version).toBe(2);
    expect(result?.dir).toBe(`${fixtures}/invalid`);
    expect(result?.validation.valid).toBe(false);
    expect(result?.validation.diagnostics.map((d) => d.summary)).toContain('Unsupported argument');
    expect(result?.findings.length).toBeGreaterThan(0);
    expect(doc.summary.invalid).toBe(1);
    const scan = JSON.parse((await iacpac('scan', `${fixtures}/invalid`, '--format', 'json')).stdout) as { results: Array<Record<string, unknown>> };
    expect(Object.keys(scan.results[0] ?? {}).sort()).toEqual(Object.keys(result ?? {}).filter((k) => k !== 'validation').sort());
  });

  it('exits 0 for a valid configuration without findings at the threshold', async () => {
    const run = await iacpac('check', `${fixtures}/configured`);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('0 findings');
  });

  it('renders every scan format, e.g. SARIF', async () => {
    const run = await iacpac('check', `${fixtures}/configured`, '--format', 'sarif');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { version: string }).version).toBe('2.1.0');
  });

  it('accepts a plan JSON document, also on stdin (-)', async () => {
    const plan = await iacpac('plan', 'examples/insecure-s3');
    const run = await runIacpac(['check', '-', '--severity', 'HIGH', '--format', 'json'], { input: plan.stdout });
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as { results: Array<{ dir: string; validation?: unknown; findings: Array<{ policy_id: string }> }> };
    expect(doc.results[0]?.dir).toBe('(stdin)');
    expect(doc.results[0]?.validation).toBeUndefined();
    expect(doc.results[0]?.findings.map((f) => f.policy_id)).toEqual(['IACPAC_AWS_S3_016']);
  });

  it('--soft-fail exits 0 with findings and an invalid configuration', async () => {
    const run = await iacpac('check', `${fixtures}/invalid`, '--soft-fail', '--compact');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('invalid: ');
  });

  it('writes several reports in one run, never with ANSI colours in files (also with CI=true and FORCE_COLOR)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iacpac-check-out-'));
    try {
      const run = await runIacpac(['check', 'examples/insecure-s3', '-o', `text=${join(dir, 'report.txt')}`, '-o', `sarif=${join(dir, 'r.sarif')}`, '-o', 'json'], {
        env: { ...process.env, CI: 'true', FORCE_COLOR: '1', NO_COLOR: '' },
      });
      expect(run.code).toBe(1);
      expect((JSON.parse(run.stdout) as { version: number }).version).toBe(2);
      const text = readFileSync(join(dir, 'report.txt'), 'utf8');
      expect(text).toContain('== security scan');
      expect(text).not.toMatch(/\x1b\[/);
      expect((JSON.parse(readFileSync(join(dir, 'r.sarif'), 'utf8')) as { version: string }).version).toBe('2.1.0');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--debug prints no stack trace on an ordinary findings exit', async () => {
    const run = await iacpac('--debug', 'check', 'examples/insecure-s3', '-q');
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/ExitError|\n\s+at /);
  });
});
