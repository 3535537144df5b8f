# METADATA
# title: "IAM policy document does not grant permissions to every AWS principal"
# description: "A resource policy built with `aws_iam_policy_document` whose statement names `principals { type = \"AWS\", identifiers = [\"*\"] }` gives its actions to any AWS account in the world. A statement fails when it is not a Deny and has no `condition` block to narrow who may act."
# custom:
#   id: IACPAC_AWS_IAM_037
#   severity: high
#   resource_types: [aws_iam_policy_document]
#   checkov: [CKV_AWS_283]
#   remediation: "Name the accounts, roles or services in the principals, or add a condition (aws:PrincipalOrgID, aws:SourceArn, ...) that restricts the caller."
package iacpac.aws.iam.document_public_principal

import rego.v1

import data.iacpac.lib.iam

deny contains finding if {
	some [address, statements] in iam.document_policies
	some statement in statements
	count(statement.condition) == 0
	statement.explicit_effect != "Deny"
	some principal in iam.as_list(statement.principals)
	object.get(principal, ["type", "constant_value"], "") == "AWS"
	identifiers := object.get(principal, ["identifiers", "constant_value"], [])
	is_array(identifiers)
	"*" in identifiers
	finding := {
		"address": address,
		"message": sprintf("IAM policy document %s grants permissions to every AWS principal (\"*\") without a condition", [address]),
	}
}
