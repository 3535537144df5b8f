import { describe, expect, it } from 'vitest';
import { withPolicyHelpers } from './policy-helpers.ts';
import { checkPolicies } from './technical-validation.ts';

const policy = {
  path: 'policies/ebs_encrypted.rego',
  content: `package iacpac.generated.ebs_encrypted

import rego.v1

import data.iacpac.lib.iam
import data.iacpac.lib.terraform as tf

deny contains msg if {
	some rc in tf.resources("aws_ebs_volume")
	not tf.after(rc).encrypted
	msg := sprintf("%s is not encrypted", [rc.address])
}
`,
};
const tests = {
  path: 'policies/ebs_encrypted_test.rego',
  content: `package iacpac.generated.ebs_encrypted

import rego.v1

volume(encrypted) := {"resource_changes": [{"address": "aws_ebs_volume.v", "mode": "managed", "type": "aws_ebs_volume", "change": {"actions": ["create"], "after": {"encrypted": encrypted}}}]}

test_unencrypted_denied if {
	count(deny) == 1 with input as volume(false)
}

test_encrypted_allowed if {
	count(deny) == 0 with input as volume(true)
}
`,
};

describe('withPolicyHelpers', () => {
  it('adds the library helpers that generated policies import, transitively, once', () => {
    const files = withPolicyHelpers([policy, tests]);
    expect(files.map((f) => f.path)).toEqual(['policies/ebs_encrypted.rego', 'policies/ebs_encrypted_test.rego', 'policies/lib/iam.rego', 'policies/lib/terraform.rego']);
    expect(withPolicyHelpers(files)).toHaveLength(4);
  });

  it('adds nothing when no helper is imported', () => {
    expect(withPolicyHelpers([tests])).toEqual([tests]);
  });

  it('makes a policy written against the helpers compile, test and cover', () => {
    const result = checkPolicies(withPolicyHelpers([policy, tests]), undefined);
    expect(result.findings).toEqual([]);
    expect(result.stages).toMatchObject({ 'rego-test': '2/2 passed', 'test-coverage': '1/1 deny rule(s) have a firing test' });
  });
});
