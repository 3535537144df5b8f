import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Scanner } from '../scan/scanner.ts';
import { fixConfiguration } from './fix-configuration.ts';
import { parseFixSpec } from './policy-fix-spec.ts';

const work = mkdtempSync(join(tmpdir(), 'iacpac-policy-repairs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const scanner = new Scanner({ severity: 'info' });
let n = 0;

async function fix(source: string, policies: string[], options: { scanner?: Scanner } = {}) {
  const dir = join(work, String(n++));
  mkdirSync(dir);
  writeFileSync(join(dir, 'main.tf'), source);
  const result = await fixConfiguration(dir, { only: 'security', policies, scanner: options.scanner ?? scanner });
  return { ...result, text: result.changes[0]?.after ?? source };
}

describe('policy-driven repairs', () => {
  it('replaces a literal value and leaves an expression alone', async () => {
    const literal = await fix('resource "aws_sqs_queue" "q" {\n  name                    = "q"\n  sqs_managed_sse_enabled = false\n}\n', ['CKV_AWS_27']);
    expect(literal.text).toBe('resource "aws_sqs_queue" "q" {\n  name                    = "q"\n  sqs_managed_sse_enabled = true\n}\n');
    const expression = await fix('variable "sse" {\n  default = false\n}\n\nresource "aws_sqs_queue" "q" {\n  name                    = "q"\n  sqs_managed_sse_enabled = var.sse\n}\n', ['CKV_AWS_27']);
    expect(expression.applied).toEqual([]);
  });

  it('creates the nested block a path needs, indented like the resource', async () => {
    const result = await fix('resource "aws_instance" "web" {\n  ami           = "ami-123"\n  instance_type = "t3.micro"\n}\n', ['CKV_AWS_79']);
    expect(result.text).toBe('resource "aws_instance" "web" {\n  ami           = "ami-123"\n  instance_type = "t3.micro"\n\n  metadata_options {\n    http_tokens = "required"\n  }\n}\n');
  });

  it('repeats a companion that names the flagged resource with its count', async () => {
    const result = await fix('resource "aws_s3_bucket" "logs" {\n  count  = 2\n  bucket = "logs-${count.index}"\n}\n', ['CKV_AWS_21']);
    expect(result.text).toContain('resource "aws_s3_bucket_versioning" "logs" {\n  count = length(aws_s3_bucket.logs)\n\n  bucket = aws_s3_bucket.logs[count.index].id\n');
    expect(result.after.valid).toBe(true);
    expect(result.findings.filter((f) => f.policy_id === 'IACPAC_AWS_S3_001')).toEqual([]);
  });

  it('shares a companion that does not name the flagged resource (a role) between instances, referenced by expression', async () => {
    const result = await fix('resource "aws_instance" "web" {\n  count         = 2\n  ami           = "ami-123"\n  instance_type = "t3.micro"\n}\n', ['CKV2_AWS_41']);
    expect(result.text).toContain('  iam_instance_profile = aws_iam_instance_profile.web.name\n');
    expect(result.text).toContain('resource "aws_iam_instance_profile" "web" {\n  role = aws_iam_role.web_instance.name\n}');
    expect(result.text).not.toContain('count = length(');
    expect(result.after.valid).toBe(true);
  });

  it('does not add a companion when one already refers to the resource (it is there, misconfigured)', async () => {
    const source = 'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n\nresource "aws_s3_bucket_versioning" "v" {\n  bucket = aws_s3_bucket.b.id\n  versioning_configuration {\n    status = "Suspended"\n  }\n}\n';
    const result = await fix(source, ['CKV_AWS_21']);
    expect(result.applied).toEqual([]);
  });

  it('applies the fixes of user policies (--policy-dir) the same way', async () => {
    const policies = join(work, 'user-policies');
    mkdirSync(policies);
    writeFileSync(
      join(policies, 'queue_retention.rego'),
      [
        '# METADATA',
        '# title: Queues keep messages for a day',
        '# custom:',
        '#   id: ACME_001',
        '#   severity: low',
        '#   fix:',
        '#     set:',
        '#       message_retention_seconds: 86400',
        'package acme.queue_retention',
        '',
        'import rego.v1',
        '',
        'deny contains {"address": r.address, "message": "keep messages for a day"} if {',
        '\tsome r in input.planned_values.root_module.resources',
        '\tr.type == "aws_sqs_queue"',
        '\tr.values.message_retention_seconds != 86400',
        '}',
        '',
      ].join('\n'),
    );
    const withUser = new Scanner({ severity: 'info', policyDirs: [policies] });
    const result = await fix('resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n', ['ACME_001'], { scanner: withUser });
    expect(result.applied.map((r) => r.description)).toEqual(['set message_retention_seconds = 86400 on aws_sqs_queue.q (ACME_001)']);
  });
});

describe('fix metadata', () => {
  it.each([
    [{ set: { a: 1 } }, undefined],
    [[{ when: { engine: ['mysql'] }, set: { 'a.b': [1, 2] } }, { resource: { type: 't', body: 'x = 1' } }], undefined],
    [{ set: { a: { expr: 'aws_iam_role.x.arn' } }, resource: [{ type: 'aws_iam_role', name: '{{name}}_x', body: 'a = 1' }] }, undefined],
    [{}, 'fix: give at least one of set, block or resource'],
    [{ set: { 'not a path': 1 } }, 'fix.set.not a path: must be an argument path like a.b.c'],
    [{ set: { a: 1 }, colour: 'red' }, "fix: Unrecognized key(s) in object: 'colour'"],
  ])('%j -> %j', (raw, error) => {
    const parsed = parseFixSpec(raw);
    if (error === undefined) expect(parsed).toHaveProperty('entries');
    else expect(parsed).toEqual({ error });
  });
});
