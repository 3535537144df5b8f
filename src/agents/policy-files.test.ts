import { describe, expect, it } from 'vitest';
import { checkPolicies } from './technical-validation.ts';
import { policyFilesForReview, splitPolicyRulesFromTests } from './policy-files.ts';

const testFile = `package iacpac.generated.tags

import rego.v1

# Every bucket carries tags.
deny contains msg if {
	some r in input.resources
	not tagged(r)
	msg := sprintf("%s has no tags", [r.address])
}

tagged(r) if count(r.tags) > 0

bucket := {"address": "a"}

test_untagged_is_denied if {
	count(deny) == 1 with input as {"resources": [bucket]}
}

test_tagged_is_allowed if {
	count(deny) == 0 with input as {"resources": [object.union(bucket, {"tags": {"k": "v"}})]}
}
`;

describe('splitPolicyRulesFromTests', () => {
  it('moves deny rules and the helpers they use out of a *_test.rego file into a new policy file, keeping their text', () => {
    const { files, notices } = splitPolicyRulesFromTests([{ path: 'policies/tags_test.rego', content: testFile }]);
    expect(files.map((f) => f.path)).toEqual(['policies/tags.rego', 'policies/tags_test.rego']);
    expect(files[0]!.content).toBe(
      'package iacpac.generated.tags\n\nimport rego.v1\n\n# Every bucket carries tags.\ndeny contains msg if {\n\tsome r in input.resources\n\tnot tagged(r)\n\tmsg := sprintf("%s has no tags", [r.address])\n}\n\ntagged(r) if count(r.tags) > 0\n',
    );
    expect(files[1]!.content).not.toContain('deny contains');
    expect(files[1]!.content).toContain('bucket := {"address": "a"}');
    expect(notices).toEqual(['moved deny (and the rules it uses) from policies/tags_test.rego to a new policies/tags.rego: deny/warn rules belong in the policy file, not in a *_test.rego file']);
    // Still one package that compiles, whose tests pass and cover the deny rule.
    const checked = checkPolicies(files, undefined);
    expect(checked.stages['rego-test']).toBe('2/2 passed');
    expect(checked.stages['test-coverage']).toBe('1/1 deny rule(s) have a firing test');
    expect(policyFilesForReview(files).map((f) => f.path)).toEqual(['policies/tags.rego']);
  });

  it('appends to the existing policy file of the package and adds the imports it lacks', () => {
    const policy = { path: 'policies/tags.rego', content: 'package iacpac.generated.tags\n\nwarn contains "x" if { false }\n' };
    const { files } = splitPolicyRulesFromTests([policy, { path: 'policies/tags_test.rego', content: testFile }]);
    expect(files.map((f) => f.path)).toEqual(['policies/tags.rego', 'policies/tags_test.rego']);
    expect(files[0]!.content.startsWith('package iacpac.generated.tags\n\nimport rego.v1\n\nwarn contains "x" if { false }\n\n# Every bucket carries tags.\ndeny contains msg if {')).toBe(true);
  });

  it('leaves test files without policy rules, and files that do not parse, unchanged', () => {
    const tests = { path: 'policies/a_test.rego', content: 'package a\n\nimport rego.v1\n\ntest_x if true\n' };
    const broken = { path: 'policies/b_test.rego', content: 'package b\n\ndeny contains x if {\n' };
    expect(splitPolicyRulesFromTests([tests, broken])).toEqual({ files: [tests, broken], notices: [] });
  });
});
