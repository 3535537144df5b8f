# METADATA
# title: "IAM role trusted by GitHub Actions OIDC pins the caller to a repository"
# description: "A role whose `assume_role_policy` trusts GitHub's OIDC provider (token.actions.githubusercontent.com) can be assumed by any workflow of any repository on GitHub unless a condition on the token's `sub` claim names the repository. The role fails when the first statement of its trust policy trusts that provider and has no Condition, no condition key `token.actions.githubusercontent.com:sub`, or when the first value of that key is a wildcard, a bare claim name, a claim whose value is `*`, a claim any repository can present (workflow, environment, ref, context, head_ref, base_ref) or `repo:` without an owner/name. Like Checkov, only the first statement is judged."
# custom:
#   id: IACPAC_AWS_IAM_039
#   severity: high
#   resource_types: [aws_iam_role]
#   checkov: [CKV_AWS_393]
#   remediation: "Add a condition such as \"StringLike\": {\"token.actions.githubusercontent.com:sub\": \"repo:<owner>/<repository>:*\"} to the trust policy (narrower: a branch or environment of that repository)."
package iacpac.aws.iam.role_github_oidc_claims

import rego.v1

import data.iacpac.lib.iam
import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_iam_role")
	doc := tf.document(tf.after(rc).assume_role_policy)
	is_object(doc)
	statements := [s | some s in tf.as_list(object.get(doc, "Statement", [])); is_object(s)]
	count(statements) > 0
	statement := statements[0]
	trusts_github(statement)
	unsafe(statement)
	finding := {
		"address": rc.address,
		"message": sprintf("IAM role %s lets GitHub Actions workflows assume it without pinning the repository in the sub claim", [rc.address]),
	}
}

trusts_github(statement) if {
	principal := statement.Principal
	is_object(principal)
	some identifier in tf.as_list(object.get(principal, "Federated", []))
	is_string(identifier)
	contains(identifier, iam.github_oidc_provider)
}

unsafe(statement) if not has_condition(statement)

# No condition key on the sub claim.
unsafe(statement) if {
	has_condition(statement)
	count(sub_values(statement)) == 0
}

# The first value of the first sub-claim key decides (operators in key order).
unsafe(statement) if {
	has_condition(statement)
	values := sub_values(statement)
	count(values) > 0
	iam.unsafe_github_sub(values[0])
}

has_condition(statement) if {
	is_object(statement.Condition)
	count(statement.Condition) > 0
}

sub_values(statement) := [value |
	some operator in sort(object.keys(statement.Condition))
	keys := statement.Condition[operator]
	is_object(keys)
	some variable in sort(object.keys(keys))
	iam.github_sub_variable(variable)
	some value in tf.as_list(keys[variable])
	is_string(value)
]
