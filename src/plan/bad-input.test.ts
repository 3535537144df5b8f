import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfiguration } from '../terraform/load-module.ts';
import { synthesizePlan } from './synthesize.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function plan(main: string, options: { vars?: string[] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'iacpac-plan-bad-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'main.tf'), main);
  const config = await loadConfiguration(dir, { vars: options.vars ?? [], env: {} });
  return synthesizePlan(config, { timestamp: 't' });
}

const errors = (diagnostics: Awaited<ReturnType<typeof plan>>['diagnostics']) =>
  diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.summary} @${d.range?.filename}:${d.range?.start.line}`);

describe('bad input gives a clear error with file:line, in bounded time', () => {
  it.each([
    [
      'cyclic locals',
      'locals {\n  a = local.b\n  b = "${local.a}-x"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = local.a\n}\n',
      ['Cycle: local.a, local.b @main.tf:2'],
    ],
    [
      'a resource referring to itself',
      'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  tags   = { Name = aws_s3_bucket.b.id }\n}\n',
      ['Self-referential block @main.tf:3'],
    ],
    [
      'two resources referring to each other',
      'resource "aws_s3_bucket" "a" {\n  bucket = aws_s3_bucket.b.bucket\n}\nresource "aws_s3_bucket" "b" {\n  bucket = aws_s3_bucket.a.bucket\n}\n',
      ['Cycle: aws_s3_bucket.b, aws_s3_bucket.a @main.tf:5'],
    ],
    ['count = -1', 'resource "aws_s3_bucket" "b" {\n  count  = -1\n  bucket = "x"\n}\n', ['Invalid count argument @main.tf:2']],
    [
      'count from an unknown value',
      'resource "aws_vpc" "v" {\n  cidr_block = "10.0.0.0/16"\n}\nresource "aws_subnet" "s" {\n  count      = length(aws_vpc.v.id)\n  vpc_id     = aws_vpc.v.id\n  cidr_block = "10.0.1.0/24"\n}\n',
      ['Invalid count argument @main.tf:5'],
    ],
    [
      'for_each over a list',
      'resource "aws_s3_bucket" "b" {\n  for_each = ["a", "b"]\n  bucket   = each.key\n}\n',
      ['Invalid for_each argument @main.tf:2'],
    ],
    [
      'a huge range()',
      'locals {\n  many = range(100000000)\n}\nresource "aws_s3_bucket" "b" {\n  count  = length(local.many)\n  bucket = "x"\n}\n',
      ['Error in function call @main.tf:2'],
    ],
    [
      'file() outside the module',
      'resource "aws_s3_bucket" "b" {\n  bucket = file("/etc/passwd")\n}\n',
      ['Invalid function argument @main.tf:2'],
    ],
    [
      'a variable failing its validation',
      'variable "env" {\n  type    = string\n  default = "qa"\n  validation {\n    condition     = contains(["dev", "prod"], var.env)\n    error_message = "env must be dev or prod"\n  }\n}\n',
      ['Invalid value for variable @main.tf:4'],
    ],
    [
      'an undefined variable without default',
      'variable "name" {\n  type = string\n}\nresource "aws_s3_bucket" "b" {\n  bucket = var.name\n}\n',
      ['No value for required variable @main.tf:1'],
    ],
  ])('%s', async (_name, main, want) => {
    const result = await plan(main);
    expect(errors(result.diagnostics)).toEqual(want);
    expect(result.plan.errored).toBe(true);
  }, 60_000);

  it('takes a required variable from --var', { timeout: 60_000 }, async () => {
    const result = await plan('variable "name" {\n  type = string\n}\nresource "aws_s3_bucket" "b" {\n  bucket = var.name\n}\n', { vars: ['name=logs'] });
    expect(errors(result.diagnostics)).toEqual([]);
    expect(result.plan.variables).toEqual({ name: { value: 'logs' } });
    expect((result.plan.resource_changes?.[0]?.change.after as Record<string, unknown>).bucket).toBe('logs');
  });

  it('plans 10,000 count instances and refuses more', { timeout: 60_000 }, async () => {
    const ok = await plan('resource "aws_sns_topic" "t" {\n  count = 2000\n  name  = "t-${count.index}"\n}\n');
    expect(ok.plan.resource_changes).toHaveLength(2000);
    const tooMany = await plan('resource "aws_sns_topic" "t" {\n  count = 20000\n  name  = "t"\n}\n');
    expect(errors(tooMany.diagnostics)).toEqual(['Invalid count argument @main.tf:2']);
  });
});
