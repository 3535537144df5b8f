import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { iacpacSync } from '../helpers/cli.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function config(main: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'iacpac-plan-cli-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'main.tf'), main);
  return dir;
}

const iacpac = (...args: string[]) => iacpacSync(args, { env: process.env, timeoutMs: 60_000 });

const BUCKET = 'variable "name" {\n  type = string\n}\nresource "aws_s3_bucket" "b" {\n  bucket = var.name\n}\n';

describe('iacpac plan', { timeout: 120_000 }, () => {
  it('prints the plan JSON and exits 0', () => {
    const result = iacpac('plan', config(BUCKET), '--var', 'name=logs');
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout) as { format_version: string; resource_changes: Array<{ address: string; change: { actions: string[]; after: { bucket: string } } }> };
    expect(plan.format_version).toBe('1.2');
    expect(plan.resource_changes.map((c) => [c.address, c.change.actions, c.change.after.bucket])).toEqual([['aws_s3_bucket.b', ['create'], 'logs']]);
  });

  it('reads variables from --var-file', () => {
    const dir = config(BUCKET);
    writeFileSync(join(dir, 'prod.tfvars'), 'name = "prod-logs"\n');
    const result = iacpac('plan', dir, '--var-file', join(dir, 'prod.tfvars'));
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout) as { variables: unknown };
    expect(plan.variables).toEqual({ name: { value: 'prod-logs' } });
  });

  it('prints a text summary', () => {
    const result = iacpac('plan', config(BUCKET), '--var', 'name=logs', '--format', 'text');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('  + aws_s3_bucket.b\n\nPlan: 1 to add, 0 to change, 0 to destroy.\n');
  });

  it('exits 1 with the error and its location when planning fails', () => {
    const result = iacpac('plan', config(BUCKET));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Error: No value for required variable (main.tf:1:1)');
  });

  it('exits 2 for a directory that does not exist', () => {
    const result = iacpac('plan', join(tmpdir(), 'iacpac-no-such-dir'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('iacpac-no-such-dir');
  });

  it('refuses to run the real CLI on a configuration with an external data source', () => {
    const result = iacpac('plan', config('data "external" "x" {\n  program = ["sh", "-c", "echo {}"]\n}\n'), '--engine', 'terraform');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(': the configuration runs local programs (data "external" "x" (main.tf:1)); pass --allow-exec to run it with the real CLI');
  });
});
