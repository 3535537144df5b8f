import { describe, expect, it } from 'vitest';
import { readPolicyMetadata } from './policy-metadata.ts';

const good = `# METADATA
# title: Buckets have an owner
# description: Every bucket names its owner.
# custom:
#   id: ACME_S3_OWNER
#   severity: medium
#   resource_types: [aws_s3_bucket]
#   checkov: [CKV_AWS_999]
#   tfsec: [aws-s3-owner]
#   remediation: Add an owner tag.
package acme.s3.owner

import rego.v1
`;

describe('readPolicyMetadata', () => {
  it('reads title, custom fields and cross-references', () => {
    expect(readPolicyMetadata('/abs/p.rego', 'p.rego', good, false)).toMatchObject({
      id: 'ACME_S3_OWNER',
      title: 'Buckets have an owner',
      description: 'Every bucket names its owner.',
      severity: 'medium',
      resourceTypes: ['aws_s3_bucket'],
      references: { checkov: ['CKV_AWS_999'], tfsec: ['aws-s3-owner'] },
      remediation: 'Add an owner tag.',
      packagePath: ['acme', 's3', 'owner'],
      displayName: 'p.rego',
      builtin: false,
    });
  });

  it.each([
    ['no package', '# METADATA\n# title: x\n', 'p.rego:1:1: no package declaration'],
    ['no metadata', 'package a\n', 'p.rego:1:1: policy has no `# METADATA` block'],
    ['a bad severity', good.replace('severity: medium', 'severity: urgent'), 'p.rego:6:1: invalid policy metadata: custom.severity'],
    ['a missing id', good.replace('#   id: ACME_S3_OWNER\n', ''), 'p.rego:4:1: invalid policy metadata: custom.id: Required'],
    ['broken YAML', good.replace('# title: Buckets have an owner', '# title: [unclosed'), 'p.rego:'],
  ])('rejects %s with file:line:col', (_name, source, message) => {
    expect(() => readPolicyMetadata('/abs/p.rego', 'p.rego', source, false)).toThrow(message);
  });

  it('holds library policies to the stricter id scheme', () => {
    expect(() => readPolicyMetadata('/abs/p.rego', 'p.rego', good, true)).toThrow('p.rego:5:1: invalid policy metadata: custom.id');
  });
});
