import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfiguration } from '../terraform/load-module.ts';
import { canonical, offlineCopy } from '../../test/helpers/plan-fixtures.ts';
import { synthesizePlan } from './synthesize.ts';
import type { PlanJson } from './plan-json.ts';

// Each case under src/plan/__fixtures__/cases/<name>/ holds a configuration and `terraform-plan.json`, what
// Terraform 1.11.4 + aws 5.100.0 printed for it (`terraform show -json`, offline provider setup).
const casesDir = join(import.meta.dirname, '__fixtures__', 'cases');
const cases = readdirSync(casesDir);
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function synthesize(name: string): Promise<{ ours: PlanJson; real: PlanJson }> {
  const dir = offlineCopy(join(casesDir, name));
  dirs.push(dir);
  const config = await loadConfiguration(dir);
  const real = JSON.parse(readFileSync(join(casesDir, name, 'terraform-plan.json'), 'utf8')) as PlanJson;
  const { plan, diagnostics } = synthesizePlan(config, { timestamp: real.timestamp });
  expect(diagnostics).toEqual([]);
  return { ours: plan, real };
}

const SECTIONS = ['format_version', 'terraform_version', 'variables', 'planned_values', 'resource_changes', 'output_changes', 'prior_state', 'configuration', 'timestamp', 'applyable', 'complete', 'errored'] as const;

describe('synthesizePlan reproduces real terraform show -json output', () => {
  it.each(cases)('case %s: every section equals the recorded plan', async (name) => {
    const { ours, real } = await synthesize(name);
    for (const section of SECTIONS) expect(canonical(ours[section]), section).toEqual(canonical(real[section]));
    // relevant_attributes: same entries; Terraform's order follows its graph walk.
    const entries = (p: PlanJson) => (p.relevant_attributes ?? []).map((r) => JSON.stringify(r)).sort();
    expect(entries(ours)).toEqual(entries(real));
    expect(Object.keys(ours).sort()).toEqual(Object.keys(real).sort());
  }, 60_000);

  it('writes configuration references exactly as Terraform does', { timeout: 60_000 }, async () => {
    const { ours } = await synthesize('expansion');
    const e = ours.configuration.root_module.resources?.find((r) => r.address === 'aws_s3_bucket.e');
    expect(e?.expressions?.tags).toEqual({
      references: [
        'each.value',
        'aws_s3_bucket.b[0].id',
        'aws_s3_bucket.b[0]',
        'aws_s3_bucket.b',
        'aws_s3_bucket.b[1].tags["Env"]',
        'aws_s3_bucket.b[1].tags',
        'aws_s3_bucket.b[1]',
        'aws_s3_bucket.b',
      ],
    });
    expect(e?.for_each_expression).toEqual({ references: ['var.names'] });
    const role = ours.configuration.root_module.resources?.find((r) => r.address === 'aws_iam_role.r');
    expect(role?.expressions?.assume_role_policy).toEqual({});
    expect(role?.depends_on).toEqual(['aws_s3_bucket.b[0]', 'module.m']);
    expect(ours.configuration.root_module.outputs?.o).toEqual({ expression: { references: ['module.m.arn', 'module.m'] } });
  });

  it('expands count, for_each and child modules into instance addresses', { timeout: 60_000 }, async () => {
    const { ours } = await synthesize('expansion');
    expect(ours.resource_changes?.map((c) => [c.address, c.module_address ?? '', c.index ?? null])).toEqual([
      ['aws_iam_role.r', '', null],
      ['aws_s3_bucket.b[0]', '', 0],
      ['aws_s3_bucket.b[1]', '', 1],
      ['aws_s3_bucket.e["a"]', '', 'a'],
      ['aws_s3_bucket.e["b"]', '', 'b'],
      ['aws_security_group.sg', '', null],
      ['module.m.aws_s3_bucket_versioning.v[0]', 'module.m', 0],
      ['module.m.aws_s3_bucket_versioning.v[1]', 'module.m', 1],
    ]);
  });

  it('reads local data sources during planning and defers the ones with unknown configuration', { timeout: 60_000 }, async () => {
    const { ours } = await synthesize('values');
    const read = ours.prior_state?.values.root_module.resources?.map((r) => r.address);
    expect(read).toEqual(['data.aws_iam_policy_document.assume', 'data.aws_region.current']);
    const deferred = ours.resource_changes?.find((c) => c.address === 'data.aws_iam_policy_document.bucket');
    expect(deferred?.change.actions).toEqual(['read']);
    expect(deferred?.action_reason).toBe('read_because_config_unknown');
    const role = ours.resource_changes?.find((c) => c.address === 'aws_iam_role.app');
    expect((role?.change.after as Record<string, unknown>).assume_role_policy).toBe(
      '{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["lambda.amazonaws.com","ec2.amazonaws.com"]}}],"Version":"2012-10-17"}',
    );
    const db = ours.resource_changes?.find((c) => c.address === 'aws_db_instance.db');
    expect((db?.change.after_sensitive as Record<string, unknown>).password).toBe(true);
  });
});

describe('lenient (the scan input)', () => {
  const source = [
    'resource "aws_security_group" "sg" {',
    '  name = "web"',
    '}',
    'resource "aws_instance" "web" {',
    '  ami                 = "ami-12345678"',
    '  instance_type       = "t3.micro"',
    '  security_groups_ids = [aws_security_group.sg.id]',
    '  legacy_flag         = true',
    '  old_block {',
    '    enabled = false',
    '  }',
    '}',
  ].join('\n');

  async function plans(): Promise<{ standard: PlanJson; scan: PlanJson }> {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'iacpac-undeclared-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'main.tf'), source);
    const config = await loadConfiguration(dir);
    return {
      standard: synthesizePlan(config, { timestamp: 't' }).plan,
      scan: synthesizePlan(config, { timestamp: 't', lenient: true }).plan,
    };
  }

  it('keeps misspelt arguments and blocks in the configuration, with their references', { timeout: 60_000 }, async () => {
    const { standard, scan } = await plans();
    const web = (p: PlanJson) => p.configuration.root_module.resources?.find((r) => r.address === 'aws_instance.web')?.expressions ?? {};
    expect(web(standard).security_groups_ids).toBeUndefined();
    expect(web(scan).security_groups_ids).toEqual({ references: ['aws_security_group.sg.id', 'aws_security_group.sg'] });
    expect(web(scan).legacy_flag).toEqual({ constant_value: true });
    expect(web(scan).old_block).toEqual([{ enabled: { constant_value: false } }]);
  });

  it('keeps them in the planned values as written (unknown when they refer to something unknown)', { timeout: 60_000 }, async () => {
    const { standard, scan } = await plans();
    const change = (p: PlanJson) => p.resource_changes?.find((c) => c.address === 'aws_instance.web')?.change;
    const after = change(scan)?.after as Record<string, unknown>;
    expect(after.legacy_flag).toBe(true);
    expect(after.old_block).toEqual([{ enabled: false }]);
    expect((change(scan)?.after_unknown as Record<string, unknown>).security_groups_ids).toEqual([true]);
    expect((change(standard)?.after as Record<string, unknown>).legacy_flag).toBeUndefined();
  });

  it('changes nothing for a valid configuration', { timeout: 60_000 }, async () => {
    const dir = offlineCopy(join(casesDir, 'expansion'));
    dirs.push(dir);
    const config = await loadConfiguration(dir);
    const standard = synthesizePlan(config, { timestamp: 't' }).plan;
    const scan = synthesizePlan(config, { timestamp: 't', lenient: true }).plan;
    expect(canonical(scan)).toEqual(canonical(standard));
  });
});

describe('lenient: an argument written for a nested block type', () => {
  it('is read as that block', { timeout: 60_000 }, async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'iacpac-block-as-attribute-'));
    dirs.push(dir);
    writeFileSync(
      join(dir, 'main.tf'),
      'resource "aws_opensearch_domain" "d" {\n  domain_name = "d"\n  node_to_node_encryption = {\n    enabled = true\n  }\n}\n',
    );
    const config = await loadConfiguration(dir);
    const { plan } = synthesizePlan(config, { timestamp: 't', lenient: true });
    const after = plan.resource_changes?.[0]?.change.after as Record<string, unknown>;
    expect(after.node_to_node_encryption).toEqual([{ enabled: true }]);
    expect(plan.configuration.root_module.resources?.[0]?.expressions?.node_to_node_encryption).toEqual([{ enabled: { constant_value: true } }]);
  });
});

describe('lenient evaluation', () => {
  async function scanPlan(source: string): Promise<PlanJson> {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'iacpac-lenient-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'main.tf'), source);
    return synthesizePlan(await loadConfiguration(dir), { timestamp: 't', lenient: true }).plan;
  }
  const after = (plan: PlanJson, address: string) => plan.resource_changes?.find((c) => c.address === address)?.change.after as Record<string, unknown>;

  it('reads Python-style True/False as booleans', { timeout: 60_000 }, async () => {
    const plan = await scanPlan('resource "aws_ebs_volume" "v" {\n  availability_zone = "us-east-1a"\n  size = 8\n  encrypted = False\n}\n');
    expect(after(plan, 'aws_ebs_volume.v').encrypted).toBe(false);
  });

  it('plans one unkeyed instance when count cannot be decided, and reads a for_each list as a set', { timeout: 60_000 }, async () => {
    const plan = await scanPlan(
      [
        'resource "aws_s3_bucket" "counted" {',
        '  count  = local.undeclared',
        '  bucket = "b-${count.index}"',
        '}',
        'resource "aws_s3_bucket" "listed" {',
        '  for_each = ["x", "y", "x"]',
        '  bucket   = each.key',
        '}',
        'resource "aws_s3_bucket" "dynamic" {',
        '  dynamic "cors_rule" {',
        '    for_each = var.undeclared_rules',
        '    content {',
        '      allowed_methods = ["GET"]',
        '      allowed_origins = [cors_rule.value]',
        '    }',
        '  }',
        '}',
      ].join('\n'),
    );
    expect(plan.resource_changes?.map((c) => c.address)).toEqual([
      'aws_s3_bucket.counted',
      'aws_s3_bucket.dynamic',
      'aws_s3_bucket.listed["x"]',
      'aws_s3_bucket.listed["y"]',
    ]);
    expect(after(plan, 'aws_s3_bucket.listed["y"]').bucket).toBe('y');
    expect(after(plan, 'aws_s3_bucket.dynamic').cors_rule).toEqual([expect.objectContaining({ allowed_methods: ['GET'] })]);
  });

  it('keeps the structure of a policy document around an undeclared or unknown part', { timeout: 60_000 }, async () => {
    const plan = await scanPlan(
      [
        'resource "aws_iam_policy" "p" {',
        '  name = "p"',
        '  policy = jsonencode({',
        '    Statement = [{ Effect = "Allow", Action = ["*"], Resource = [var.undeclared, aws_s3_bucket.b.arn] }]',
        '  })',
        '}',
        'resource "aws_s3_bucket" "b" {}',
      ].join('\n'),
    );
    expect(JSON.parse(after(plan, 'aws_iam_policy.p').policy as string)).toEqual({
      Statement: [{ Action: ['*'], Effect: 'Allow', Resource: ['(known after apply)', '(known after apply)'] }],
    });
  });

  it('keeps a JSON document written as a heredoc template with unknown interpolations', { timeout: 60_000 }, async () => {
    const plan = await scanPlan(
      [
        'resource "aws_sqs_queue" "q" {}',
        'resource "aws_sqs_queue_policy" "p" {',
        '  queue_url = aws_sqs_queue.q.id',
        '  policy = <<POLICY',
        '{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "${aws_sqs_queue.q.arn}"}]}',
        'POLICY',
        '}',
        'resource "aws_sqs_queue" "named" {',
        '  name = "${var.prefix}-jobs"',
        '}',
        'variable "prefix" {}',
      ].join('\n'),
    );
    expect(JSON.parse(after(plan, 'aws_sqs_queue_policy.p').policy as string).Statement[0].Resource).toBe('(known after apply)');
    // Templates that are not JSON documents stay unknown.
    expect(after(plan, 'aws_sqs_queue.named').name).toBeUndefined();
  });
});

describe('marks shared between instances', () => {
  it('gives instances with equal after_unknown / after_sensitive marks one object, and keeps different marks apart', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'iacpac-marks-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'main.tf'), [
      'resource "aws_s3_bucket" "b" {',
      '  count  = 2',
      '  bucket = "b${count.index}"',
      '}',
      'resource "aws_s3_bucket" "c" {',
      '  tags = { a = "1" }',
      '}',
      '',
    ].join('\n'));
    const { plan } = synthesizePlan(await loadConfiguration(dir));
    const [b0, b1, c] = (plan.resource_changes ?? []).map((rc) => rc.change);
    expect(b0!.after_unknown).toBe(b1!.after_unknown);
    expect(b0!.after_sensitive).toBe(b1!.after_sensitive);
    expect(b0!.after_unknown).not.toEqual(c!.after_unknown);
    expect(plan.planned_values?.root_module.resources?.[0]?.sensitive_values).toBe(b0!.after_sensitive);
  });
});
