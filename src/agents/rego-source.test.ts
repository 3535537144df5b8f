import { describe, expect, it } from 'vitest';
import { firesRule, readRegoFile, uncoveredDenyRules } from './rego-source.ts';

const policy = `# METADATA
# title: buckets are encrypted
package iacpac.generated.s3_encryption

import rego.v1

deny contains msg if {
  some r in input.resource_changes
  r.type == "aws_s3_bucket"
  msg := sprintf("%s is not encrypted", [r.address])  # deny here
}

violation contains "x" if { false }
`;

describe('readRegoFile', () => {
  it('finds the package, rules, imports and test bodies', () => {
    const info = readRegoFile('policies/t_test.rego', 'package p_test\n\nimport data.iacpac.generated.s3 as s3\n\ntest_fires if {\n  count(s3.deny) > 0 with input as {"a": {"b": 1}}\n}\n\ntest_ok if { count(s3.deny) == 0 }\n');
    expect(info.packageName).toBe('p_test');
    expect([...info.rules]).toEqual(['test_fires', 'test_ok']);
    expect(info.imports).toEqual([{ path: 'iacpac.generated.s3', alias: 's3' }]);
    expect(info.tests.map((t) => [t.name, t.line, t.body.trim()])).toEqual([
      ['test_fires', 5, 'count(s3.deny) > 0 with input as {"a": {"b": 1}}'],
      ['test_ok', 9, 'count(s3.deny) == 0'],
    ]);
  });
});

describe('firesRule', () => {
  it.each([
    ['count(deny) > 0 with input as x', true],
    ['count(deny) == 1', true],
    ['deny["bucket b is not encrypted"] with input as x', true],
    ['some m in deny', true],
    ['count(deny) == 0 with input as x', false],
    ['not deny["x"]', false],
    ['deny == set()', false],
    ['denylist := 1', false],
  ])('%s -> %s', (body, fires) => {
    expect(firesRule(body, ['deny'])).toBe(fires);
  });
});

describe('uncoveredDenyRules', () => {
  const files = (tests: string) => [readRegoFile('policies/s3_encryption.rego', policy), readRegoFile('policies/s3_encryption_test.rego', tests)];

  it('accepts a firing test in the same package', () => {
    const tests = 'package iacpac.generated.s3_encryption\nimport rego.v1\ntest_deny if {\n  count(deny) > 0 with input as {}\n}\ntest_violation if {\n count(violation) > 0\n}\n';
    expect(uncoveredDenyRules(files(tests))).toEqual([]);
  });

  it('accepts a firing test through data.<package> from a _test package', () => {
    const tests = 'package iacpac.generated.s3_encryption_test\ntest_deny if { count(data.iacpac.generated.s3_encryption.deny) > 0 }\ntest_v if { data.iacpac.generated.s3_encryption.violation["x"] }\n';
    expect(uncoveredDenyRules(files(tests))).toEqual([]);
  });

  it('reports deny rules whose tests only check the compliant case', () => {
    const tests = 'package iacpac.generated.s3_encryption\ntest_ok if { count(deny) == 0 }\ntest_v if { count(violation) > 0 }\n';
    expect(uncoveredDenyRules(files(tests))).toEqual([{ path: 'policies/s3_encryption.rego', rule: 'deny', packageName: 'iacpac.generated.s3_encryption' }]);
  });
});
