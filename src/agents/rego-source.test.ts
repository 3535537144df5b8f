import { describe, expect, it } from 'vitest';
import { readRegoFile } from './rego-source.ts';

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

describe('readRegoFile on a policy', () => {
  it('lists the rules and ignores comments', () => {
    const info = readRegoFile('policies/s3_encryption.rego', policy);
    expect([info.packageName, [...info.rules], info.tests, info.imports]).toEqual(['iacpac.generated.s3_encryption', ['deny', 'violation'], [], []]);
  });
});
