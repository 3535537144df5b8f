// End-to-end tests of `iacpac check` (validate + scan): the quick-start demo, JSON output and exit codes.
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
