import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Scanner } from './scanner.ts';
import { planResourceTypes } from './rego-runner.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'test', 'e2e', '__fixtures__', 'scan');

describe('Scanner', () => {
  const scanner = new Scanner({ policies: ['IACPAC_AWS_VPC_00*', 'IACPAC_AWS_S3_001'] });

  it('reports resources of child modules with their module address and file', async () => {
    const result = await scanner.scanDirectory(join(fixtures, 'modules'));
    expect(result.findings.map((f) => [f.policy_id, f.resource, f.range?.filename, f.range?.start.line])).toEqual([
      ['IACPAC_AWS_VPC_002', 'module.net.aws_vpc.main', 'modules/net/main.tf', 5],
    ]);
  });

  it('connects count instances through indexed references (versioned buckets pass)', async () => {
    const result = await scanner.scanDirectory(join(fixtures, 'modules'));
    expect(result.findings.filter((f) => f.resource.startsWith('aws_s3_bucket.logs'))).toEqual([]);
  });

  it('turns a policy that fails at evaluation into an error finding while the others still report', async () => {
    const withBroken = new Scanner({ policies: ['IACPAC_AWS_S3_001', 'ACME_*'], policyDirs: [join(fixtures, 'erroring-policy')] });
    const result = await withBroken.scanDirectory(join(fixtures, 'configured'));
    const byPolicy = result.findings.map((f) => [f.policy_id, f.severity, f.resource]);
    expect(byPolicy).toEqual([
      ['ACME_CONFLICT', 'error', ''],
      ['IACPAC_AWS_S3_001', 'low', 'aws_s3_bucket.data'],
    ]);
    expect(result.findings[0]?.message).toMatch(/^policy failed to evaluate: .*conflict\.rego:\d+: eval_conflict_error/);
  });

  it('turns a policy whose deny cannot be read as a document into an error finding while the others still report', async () => {
    // The query names the user's package; the scan goes on (a program-wide reference to every deny used to fail at compile time).
    const withBroken = new Scanner({ policies: ['IACPAC_AWS_S3_001', 'ACME_*'], policyDirs: [join(fixtures, 'function-deny')] });
    const result = await withBroken.scanDirectory(join(fixtures, 'configured'));
    expect(result.findings.map((f) => [f.policy_id, f.severity, f.resource])).toEqual([
      ['ACME_FUNCTION_DENY', 'error', ''],
      ['IACPAC_AWS_S3_001', 'low', 'aws_s3_bucket.data'],
    ]);
    expect(result.findings[0]?.message).toMatch(/^policy failed to evaluate: .*rego_type_error: undefined ref: data\.acme\.function_deny\.deny/);
    expect(result.partial).toBe(true);
  });

  it('reports a user module that conflicts only with a library policy compiled when an input needs it', async () => {
    // Library policies are compiled on first use, after the user modules: the conflict shows then, and must be reported.
    const dir = mkdtempSync(join(tmpdir(), 'iacpac-late-conflict-'));
    writeFileSync(join(dir, 'clash.rego'), 'package iacpac.aws.s3.bucket_versioning\n\nimport rego.v1\n\nversioned := "taken"\n');
    const result = await new Scanner({ policies: ['IACPAC_AWS_S3_001'], policyDirs: [dir] }).scanDirectory(join(fixtures, 'configured'));
    expect(result.findings.map((f) => [f.policy_id, f.resource])).toEqual([['IACPAC_AWS_S3_001', 'aws_s3_bucket.data']]);
    expect(result.errors.map((e) => [e.file?.endsWith('clash.rego'), e.code, / \(this module was left out of the scan\)$/.test(e.message)])).toEqual([[true, 'policy-compile', true]]);
    expect(result.partial).toBe(true);
  });

  it('scans a plan JSON document without source ranges', () => {
    const plan = JSON.parse(readFileSync(join(fixtures, 'real-plan.json'), 'utf8')) as unknown;
    const result = scanner.scanPlan(plan, 'real-plan.json');
    expect(result.findings.map((f) => [f.policy_id, f.resource, f.range])).toEqual([['IACPAC_AWS_S3_001', 'aws_s3_bucket.sample', undefined]]);
  });

  it('rejects documents that are not plans', () => {
    expect(() => scanner.scanPlan({ hello: 1 }, 'x.json')).toThrow('x.json: not a Terraform plan JSON document');
  });
});

describe('planResourceTypes', () => {
  it('collects types from resource changes and from every module of the configuration', () => {
    const plan = {
      resource_changes: [{ type: 'aws_s3_bucket' }],
      configuration: {
        root_module: {
          resources: [{ type: 'aws_iam_policy_document' }],
          module_calls: { net: { module: { resources: [{ type: 'aws_vpc' }] } } },
        },
      },
    };
    expect([...planResourceTypes(plan)].sort()).toEqual(['aws_iam_policy_document', 'aws_s3_bucket', 'aws_vpc']);
  });
});

describe('hostile plan input', () => {
  it('rejects absurdly deep JSON with a clear error instead of overflowing the stack', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const plan = { resource_changes: [{ address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', change: { actions: ['create'], after: { deep }, after_unknown: {} } }] };
    expect(() => new Scanner({ policies: ['IACPAC_AWS_S3_001'] }).scanPlan(plan, 'deep.json')).toThrow('deep.json: JSON nested deeper than 512 levels');
  });
});
