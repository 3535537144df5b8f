# METADATA
# title: "GitHub Actions OIDC trust policy document pins the caller to a repository"
# description: "A role trusted by GitHub's OIDC provider (token.actions.githubusercontent.com) can be assumed by any workflow of any repository on GitHub unless a condition on the token's `sub` claim names the repository. An `aws_iam_policy_document` whose first statement trusts that provider fails when it has no condition, no condition on `token.actions.githubusercontent.com:sub`, or when the first value of that condition is a wildcard, a bare claim name, a claim whose value is `*`, a claim any repository can present (workflow, environment, ref, context, head_ref, base_ref) or `repo:` without an owner/name. Like Checkov, only the document's first statement is judged."
# custom:
#   id: IACPAC_AWS_IAM_038
#   severity: high
#   resource_types: [aws_iam_policy_document]
#   checkov: [CKV_AWS_358]
#   remediation: "Add condition { test = \"StringLike\", variable = \"token.actions.githubusercontent.com:sub\", values = [\"repo:<owner>/<repository>:*\"] } (narrower: a branch or environment of that repository)."
package iacpac.aws.iam.document_github_oidc_claims

import rego.v1

import data.iacpac.lib.iam

deny contains finding if {
	some [address, statements] in iam.document_policies
	count(statements) > 0
	statement := statements[0]
	trusts_github(statement)
	unsafe(statement)
	finding := {
		"address": address,
		"message": sprintf("IAM policy document %s lets GitHub Actions workflows assume the role without pinning the repository in the sub claim", [address]),
	}
}

trusts_github(statement) if {
	some principal in iam.as_list(statement.principals)
	types := object.get(principal, ["type", "constant_value"], "")
	"Federated" in iam.as_list(types)
	identifiers := object.get(principal, ["identifiers", "constant_value"], [])
	is_array(identifiers)
	count(identifiers) > 0
	is_string(identifiers[0])
	contains(identifiers[0], iam.github_oidc_provider)
}

unsafe(statement) if count(iam.as_list(statement.condition)) == 0

# No condition on the sub claim.
unsafe(statement) if {
	count(iam.as_list(statement.condition)) > 0
	count(sub_conditions(statement)) == 0
}

# The first value of the first sub-claim condition decides.
unsafe(statement) if {
	conditions := sub_conditions(statement)
	count(conditions) > 0
	values := iam.as_list(object.get(conditions[0], ["values", "constant_value"], []))
	count(values) > 0
	iam.unsafe_github_sub(values[0])
}

sub_conditions(statement) := [condition |
	some condition in iam.as_list(statement.condition)
	iam.github_sub_variable(object.get(condition, ["variable", "constant_value"], null))
]
