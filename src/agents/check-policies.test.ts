import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPolicies } from './technical-validation.ts';

const fixtures = join(import.meta.dirname, '__fixtures__');
const read = (name: string) => readFileSync(join(fixtures, 'policies', name), 'utf8');
const policy = { path: 'policies/s3_versioning.rego', content: read('s3_versioning.rego') };
const tests = { path: 'policies/s3_versioning_test.rego', content: read('s3_versioning_test.rego') };
const plan = JSON.parse(readFileSync(join(fixtures, 'plan-two-buckets.json'), 'utf8')) as unknown;

describe('checkPolicies (embedded Rego engine)', () => {
  it('compiles, runs the tests, checks coverage and reports violations on the plan', () => {
    const result = checkPolicies([policy, tests], plan);
    expect(result.stages).toEqual({
      'rego-check': '2 module(s) compile',
      'rego-test': '2/2 passed',
      'test-coverage': '1/1 deny rule(s) have a firing test',
      'policy-evaluation': '1 violation(s) on the plan',
    });
    expect(result.findings).toEqual([
      {
        stage: 'policy-evaluation',
        target: 'iac',
        blocking: true,
        id: 'policies/s3_versioning.rego',
        severity: 'error',
        message: 'deny (iacpac.generated.s3_versioning): aws_s3_bucket.logs does not enable versioning',
      },
    ]);
  });

  it('reports a syntax error with the engine\'s file:line:col message and skips the rest', () => {
    const broken = { path: 'policies/broken.rego', content: 'package p\n\nimport rego.v1\n\ndeny contains msg if {\n  msg := \n}\n' };
    const result = checkPolicies([broken], plan);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ stage: 'rego-check', target: 'pac', blocking: true });
    expect(result.findings[0]!.message).toMatch(/^policies\/broken\.rego:\d+:\d+: rego_parse_error: /);
    expect(result.stages['rego-test']).toBe('skipped (policies do not compile)');
  });

  it('reports a compile error (unsafe variable)', () => {
    const unsafe = { path: 'policies/unsafe.rego', content: 'package p\n\nimport rego.v1\n\ndeny contains x if {\n  y > 1\n}\n' };
    const result = checkPolicies([unsafe], plan);
    expect(result.findings.map((f) => [f.stage, f.location])).toEqual(result.findings.map(() => ['rego-check', expect.stringMatching(/^policies\/unsafe\.rego:\d+:\d+$/)]));
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.findings[0]!.message).toContain('rego_');
  });

  it('reports failing tests and deny rules no test makes fire', () => {
    const weakTests = {
      path: 'policies/s3_versioning_test.rego',
      content: 'package iacpac.generated.s3_versioning\n\nimport rego.v1\n\ntest_nothing_denied if {\n  count(deny) == 0 with input as {"resource_changes": []}\n}\n\ntest_wrong if {\n  count(deny) == 5 with input as {"resource_changes": []}\n}\n',
    };
    const result = checkPolicies([policy, weakTests], undefined);
    // A failing test cannot cover anything: only passing tests count for coverage.
    expect(result.findings.map((f) => [f.stage, f.location])).toEqual([
      ['rego-test', 'policies/s3_versioning_test.rego:9'],
      ['test-coverage', 'policies/s3_versioning.rego'],
    ]);
    expect(result.findings[0]!.message).toBe('data.iacpac.generated.s3_versioning.test_wrong: FAIL (the test body is undefined)');
    expect(result.stages['test-coverage']).toBe('0/1 deny rule(s) have a firing test');
    const noFire = { ...weakTests, content: 'package iacpac.generated.s3_versioning\n\nimport rego.v1\n\ntest_nothing_denied if {\n  count(deny) == 0 with input as {"resource_changes": []}\n}\n' };
    const uncovered = checkPolicies([policy, noFire], undefined);
    expect(uncovered.findings).toEqual([
      {
        stage: 'test-coverage',
        target: 'pac',
        blocking: true,
        id: 'iacpac.generated.s3_versioning.deny',
        location: 'policies/s3_versioning.rego',
        message:
          'no passing test makes data.iacpac.generated.s3_versioning.deny fire (every test still passes when deny is empty): add a test_ rule that asserts count(deny) > 0 on a violating input (with input as {...})',
      },
    ]);
  });

  it('asks for policies when none were generated', () => {
    expect(checkPolicies([], plan).findings).toEqual([{ stage: 'rego-check', target: 'pac', blocking: true, message: 'no Rego policy files were generated' }]);
  });

  it.each([
    ['a message lookup', 'deny["aws_s3_bucket.b does not enable versioning"] with input as {"resource_changes": [bucket]}', true],
    ['some ... in', 'some m in deny with input as {"resource_changes": [bucket]}\n  contains(m, "versioning")', true],
    ['a comparison with a set', 'deny == {"aws_s3_bucket.b does not enable versioning"} with input as {"resource_changes": [bucket]}', true],
    ['a test that passes whatever deny holds', 'is_set(deny) with input as {"resource_changes": [bucket]}', false],
    ['a test that only checks the compliant case', 'count(deny) == 0 with input as {"resource_changes": []}', false],
  ])('coverage is semantic: %s', (_name, body, covered) => {
    const testFile = {
      path: 'policies/s3_versioning_test.rego',
      content: `package iacpac.generated.s3_versioning\n\nimport rego.v1\n\nbucket := {"address": "aws_s3_bucket.b", "type": "aws_s3_bucket", "name": "b", "change": {"actions": ["create"], "after": {}}}\n\ntest_case if {\n  ${body}\n}\n`,
    };
    const result = checkPolicies([policy, testFile], undefined);
    expect(result.stages['rego-test']).toBe('1/1 passed');
    expect(result.stages['test-coverage']).toBe(`${covered ? 1 : 0}/1 deny rule(s) have a firing test`);
  });

  it('checks a policy and its tests written in one file', () => {
    const both = { path: 'policies/s3_versioning.rego', content: `${policy.content}\n${tests.content.split('import rego.v1')[1]}` };
    const result = checkPolicies([both], plan);
    expect(result.stages).toEqual({
      'rego-check': '1 module(s) compile',
      'rego-test': '2/2 passed',
      'test-coverage': '1/1 deny rule(s) have a firing test',
      'policy-evaluation': '1 violation(s) on the plan',
    });
  });

  it('bounds a runaway generated policy: an error finding, not a hang', () => {
    const runaway = {
      path: 'policies/runaway.rego',
      content:
        'package iacpac.generated.runaway\n\nimport rego.v1\n\ndeny contains msg if {\n  some a in numbers.range(1, 5000)\n  some b in numbers.range(1, 5000)\n  a + b < 0\n  msg := "never"\n}\n\ntest_fires if {\n  count(deny) > 0\n}\n',
    };
    const started = Date.now();
    const result = checkPolicies([runaway], plan);
    expect(Date.now() - started).toBeLessThan(30_000);
    const messages = result.findings.map((f) => `${f.stage}: ${f.message}`);
    expect(messages.some((m) => /^rego-test: data\.iacpac\.generated\.runaway\.test_fires: ERROR: /.test(m))).toBe(true);
    expect(messages.some((m) => /^policy-evaluation: evaluating data\.iacpac\.generated\.runaway\.deny on the plan failed: /.test(m))).toBe(true);
  });
});
