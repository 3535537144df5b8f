import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analysisCounters } from '../../analysis/analyze.ts';
import { Scanner } from '../../scan/scanner.ts';
import { fixConfiguration } from '../fix-configuration.ts';

const work = mkdtempSync(join(tmpdir(), 'iacpac-fix-rules-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const scanner = new Scanner({ severity: 'info' });
let n = 0;

async function repair(source: string) {
  const dir = join(work, String(n++));
  mkdirSync(dir);
  writeFileSync(join(dir, 'main.tf'), source);
  const result = await fixConfiguration(dir, { only: 'validate', scanner });
  return { ...result, text: result.changes.find((c) => c.file === 'main.tf')?.after ?? source };
}

/** Each case: a broken configuration, the repairs expected, and the exact text after (the rest of the file untouched). */
const CASES: Array<{ name: string; before: string; kinds: string[]; after: string }> = [
  {
    name: 'renames a misspelt argument Terraform suggests, keeping comments and alignment',
    before: 'resource "aws_vpc" "main" {\n  # the address space\n  cidr_bloc            = "10.0.0.0/16" # keep\n  enable_dns_hostnames = true\n}\n',
    kinds: ['rename-argument'],
    after: 'resource "aws_vpc" "main" {\n  # the address space\n  cidr_block            = "10.0.0.0/16" # keep\n  enable_dns_hostnames = true\n}\n',
  },
  {
    name: 'renames an argument that extends a real one by whole words',
    before: 'resource "aws_vpc" "main" {\n  cidr_block_config = "10.0.0.0/16"\n}\n',
    kinds: ['rename-argument'],
    after: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n',
  },
  {
    name: 'renames a misspelt nested block and the resource keyword',
    before: 'resorce "aws_s3_bucket_versioning" "v" {\n  bucket = "b"\n  versioning_configuraton {\n    status = "Enabled"\n  }\n}\n',
    kinds: ['rename-block-type', 'rename-block-type'],
    after: 'resource "aws_s3_bucket_versioning" "v" {\n  bucket = "b"\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n',
  },
  {
    name: 'removes an argument with no close match, keeping its text in the note',
    before: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n  colour     = "blue"\n}\n',
    kinds: ['remove-unsupported-argument'],
    after: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n',
  },
  {
    name: 'writes an argument given as a block with the equals sign',
    before: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n  tags {\n    Name = "main"\n  }\n}\n',
    kinds: ['block-to-attribute'],
    after: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n  tags = {\n    Name = "main"\n  }\n}\n',
  },
  {
    name: 'writes a block given as an argument as a block, one item per line',
    before: 'resource "aws_s3_bucket_versioning" "v" {\n  bucket                   = "b"\n  versioning_configuration = { status = "Enabled", mfa_delete = "Disabled" }\n}\n',
    kinds: ['attribute-to-block'],
    after: 'resource "aws_s3_bucket_versioning" "v" {\n  bucket                   = "b"\n  versioning_configuration {\n    status = "Enabled"\n    mfa_delete = "Disabled"\n  }\n}\n',
  },
  {
    name: 'closes an unclosed block before the next top-level block',
    before: 'resource "aws_vpc" "a" {\n  cidr_block = "10.0.0.0/16"\n\nresource "aws_vpc" "b" {\n  cidr_block = "10.1.0.0/16"\n}\n',
    kinds: ['close-unclosed-block'],
    after: 'resource "aws_vpc" "a" {\n  cidr_block = "10.0.0.0/16"\n}\n\nresource "aws_vpc" "b" {\n  cidr_block = "10.1.0.0/16"\n}\n',
  },
  {
    name: 'closes an unclosed block at the end of the file, not at an unindented nested block',
    before: 'resource "aws_dynamodb_table" "t" {\nname = "t"\nbilling_mode = "PAY_PER_REQUEST"\nhash_key = "id"\nattribute {\nname = "id"\ntype = "S"\n}\n',
    kinds: ['close-unclosed-block'],
    after: 'resource "aws_dynamodb_table" "t" {\nname = "t"\nbilling_mode = "PAY_PER_REQUEST"\nhash_key = "id"\nattribute {\nname = "id"\ntype = "S"\n}\n}\n',
  },
  {
    name: 'removes the second of two identical declarations',
    before: 'resource "aws_vpc" "a" {\n  cidr_block = "10.0.0.0/16"\n}\n\nresource "aws_vpc" "a" {\n  cidr_block  =  "10.0.0.0/16"\n}\n',
    kinds: ['remove-duplicate-block'],
    after: 'resource "aws_vpc" "a" {\n  cidr_block = "10.0.0.0/16"\n}\n',
  },
  {
    name: 'renames a mistyped resource type and so resolves its references',
    before: 'resource "aws_vpcx" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n\nresource "aws_subnet" "s" {\n  vpc_id     = aws_vpc.main.id\n  cidr_block = "10.0.1.0/24"\n}\n',
    kinds: ['rename-resource-type'],
    after: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n\nresource "aws_subnet" "s" {\n  vpc_id     = aws_vpc.main.id\n  cidr_block = "10.0.1.0/24"\n}\n',
  },
  {
    name: 'renames a resource type whose mistyped prefix names no provider',
    before: 'resource "awsv_pc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n',
    kinds: ['rename-unknown-provider-type'],
    after: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n',
  },
  {
    name: 'points a reference at the one declared resource its name extends',
    before:
      'resource "aws_vpc" "primary" {\n  cidr_block = "10.0.0.0/16"\n}\n\nresource "aws_vpc" "replica" {\n  cidr_block = "10.1.0.0/16"\n}\n\nresource "aws_subnet" "s" {\n  vpc_id     = aws_vpc.primary_old.id\n  cidr_block = "10.0.1.0/24"\n}\n',
    kinds: ['rename-resource-reference'],
    after:
      'resource "aws_vpc" "primary" {\n  cidr_block = "10.0.0.0/16"\n}\n\nresource "aws_vpc" "replica" {\n  cidr_block = "10.1.0.0/16"\n}\n\nresource "aws_subnet" "s" {\n  vpc_id     = aws_vpc.primary.id\n  cidr_block = "10.0.1.0/24"\n}\n',
  },
  {
    name: 'renames a reference to an attribute the resource does not have, and an unknown function',
    before: 'resource "aws_vpc" "main" {\n  cidr_block = tostrng("10.0.0.0/16")\n}\n\noutput "id" {\n  value = aws_vpc.main.idx\n}\n',
    kinds: ['rename-attribute-reference', 'rename-function'],
    after: 'resource "aws_vpc" "main" {\n  cidr_block = tostring("10.0.0.0/16")\n}\n\noutput "id" {\n  value = aws_vpc.main.id\n}\n',
  },
  {
    name: 'drops the arguments a function does not take',
    before: 'resource "aws_vpc" "main" {\n  cidr_block = lower("10.0.0.0/16", "extra")\n}\n',
    kinds: ['remove-extra-function-arguments'],
    after: 'resource "aws_vpc" "main" {\n  cidr_block = lower("10.0.0.0/16")\n}\n',
  },
  {
    name: 'gives a value the provider does not allow the one allowed value it misspells (letter case, a typo, extra words)',
    before: 'resource "aws_s3_bucket_versioning" "v" {\n  bucket = "b"\n  versioning_configuration {\n    status = "enabled"\n  }\n}\n\nresource "aws_s3_bucket_acl" "a" {\n  bucket = "b"\n  acl    = "publik-read"\n}\n\nresource "aws_s3_bucket_acl" "c" {\n  bucket = "c"\n  acl    = "private-enabled"\n}\n',
    kinds: ['replace-disallowed-value', 'replace-disallowed-value', 'replace-disallowed-value'],
    after: 'resource "aws_s3_bucket_versioning" "v" {\n  bucket = "b"\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n\nresource "aws_s3_bucket_acl" "a" {\n  bucket = "b"\n  acl    = "public-read"\n}\n\nresource "aws_s3_bucket_acl" "c" {\n  bucket = "c"\n  acl    = "private"\n}\n',
  },
  {
    name: 'clears the host bits of a CIDR block (both wordings of the provider) and moves a number into the allowed range',
    before: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.1.0/16"\n}\n\nresource "aws_subnet" "s" {\n  vpc_id     = aws_vpc.main.id\n  cidr_block = "10.0.1.7/24"\n}\n\nresource "aws_sqs_queue" "q" {\n  message_retention_seconds = 30\n}\n',
    kinds: ['cidr-network-address', 'cidr-network-address', 'nearest-allowed-number'],
    after: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n\nresource "aws_subnet" "s" {\n  vpc_id     = aws_vpc.main.id\n  cidr_block = "10.0.1.0/24"\n}\n\nresource "aws_sqs_queue" "q" {\n  message_retention_seconds = 60\n}\n',
  },
  {
    name: "moves a bucket's aws 4.x inline settings to their aws 5 resources, values and comments kept",
    before:
      'resource "aws_s3_bucket" "site" {\n  bucket = "acme-site"\n  acl    = "private" # no public access\n\n  versioning {\n    enabled = true\n  }\n\n  cors_rule {\n    allowed_methods = ["GET"]\n    allowed_origins = ["https://acme.example"]\n  }\n\n  logging {\n    target_bucket = "acme-access-logs"\n    target_prefix = "site/"\n  }\n}\n',
    kinds: ['split-s3-inline-setting', 'split-s3-inline-setting', 'split-s3-inline-setting', 'split-s3-inline-setting'],
    after:
      'resource "aws_s3_bucket" "site" {\n  bucket = "acme-site"\n}\n\nresource "aws_s3_bucket_acl" "site" {\n  bucket = aws_s3_bucket.site.id\n  acl = "private" # no public access\n}\n\nresource "aws_s3_bucket_versioning" "site" {\n  bucket = aws_s3_bucket.site.id\n\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n\nresource "aws_s3_bucket_logging" "site" {\n  bucket = aws_s3_bucket.site.id\n  target_bucket = "acme-access-logs"\n  target_prefix = "site/"\n}\n\nresource "aws_s3_bucket_cors_configuration" "site" {\n  bucket = aws_s3_bucket.site.id\n\n  cors_rule {\n    allowed_methods = ["GET"]\n    allowed_origins = ["https://acme.example"]\n  }\n}\n',
  },
  {
    name: 'removes an argument given without the arguments the provider requires with it',
    before: 'resource "aws_vpc" "main" {\n  cidr_block          = "10.0.0.0/16"\n  ipv6_netmask_length = 56\n}\n',
    kinds: ['remove-argument-missing-companions'],
    after: 'resource "aws_vpc" "main" {\n  cidr_block          = "10.0.0.0/16"\n}\n',
  },
];

describe('validator-driven repairs', () => {
  it.each(CASES)('$name', async ({ before, kinds, after }) => {
    const result = await repair(before);
    expect(result.applied.map((r) => r.kind).sort()).toEqual([...kinds].sort());
    expect(result.text).toBe(after);
    expect(result.after.valid).toBe(true);
  });

  it('leaves what it cannot repair for certain, and says why nothing was kept', async () => {
    // Two declared VPCs, neither close to the name used: no guess.
    const source = 'resource "aws_vpc" "a" {\n  cidr_block = "10.0.0.0/16"\n}\n\nresource "aws_vpc" "b" {\n  cidr_block = "10.1.0.0/16"\n}\n\nresource "aws_subnet" "s" {\n  vpc_id     = aws_vpc.main.id\n  cidr_block = "10.0.1.0/24"\n}\n';
    const result = await repair(source);
    expect(result.applied).toEqual([]);
    expect(result.changes).toEqual([]);
    expect(result.after.valid).toBe(false);
  });

  it('leaves inline versioning turned off: "Disabled" or "Suspended" depends on the bucket\'s past', async () => {
    const result = await repair('resource "aws_s3_bucket" "b" {\n  bucket = "acme-b"\n\n  versioning {\n    enabled = false\n  }\n}\n');
    expect(result.applied).toEqual([]);
    expect(result.after.warnings).toBe(1);
  });

  it('leaves a disallowed value that could be several allowed ones', async () => {
    // "public" starts both "public-read" and "public-read-write".
    const result = await repair('resource "aws_s3_bucket_acl" "a" {\n  bucket = "b"\n  acl    = "public"\n}\n');
    expect(result.applied).toEqual([]);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.summary)).toEqual([expect.stringContaining('got public')]);
  });

  it('analyses each candidate once: one load and at most one plan per verified version of the sources', async () => {
    const before = { ...analysisCounters };
    const result = await repair('resorce "aws_vpc" "main" {\n  cidr_bloc = "10.0.0.0/16"\n}\n');
    const loads = analysisCounters.loads - before.loads;
    expect(result.applied.map((r) => r.kind)).toEqual(['rename-block-type', 'rename-argument']);
    // The sources as given, then each repair tried (validator repairs are tried one at a time).
    expect(loads).toBe(1 + result.applied.length + result.rejected.length);
    expect(analysisCounters.syntheses - before.syntheses).toBeLessThanOrEqual(loads);
  });

  it('notes the text of a removed argument', async () => {
    const result = await repair('resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n  colour     = "blue"\n}\n');
    expect(result.applied[0]?.note).toBe('removed `colour = "blue"` from resource aws_vpc main: no argument of that name, or close to it, exists there');
  });

  it('never turns a valid configuration invalid: a repair that would is rejected', async () => {
    const valid = 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n';
    const result = await repair(valid);
    expect(result.before.valid).toBe(true);
    expect(result.after.valid).toBe(true);
    expect(result.changes).toEqual([]);
  });
});

describe('text edits', () => {
  it('add an argument after one with a trailing comment, on its own line', async () => {
    const { fixConfiguration: fix } = await import('../fix-configuration.ts');
    const dir = join(work, 'trailing-comment');
    mkdirSync(dir);
    writeFileSync(join(dir, 'main.tf'), 'resource "aws_sqs_queue" "q" {\n  name = "q" # the queue\n}\n');
    const result = await fix(dir, { only: 'security', policies: ['CKV_AWS_27'], scanner });
    expect(result.changes[0]?.after).toBe('resource "aws_sqs_queue" "q" {\n  name = "q" # the queue\n  sqs_managed_sse_enabled = true\n}\n');
  });
});
