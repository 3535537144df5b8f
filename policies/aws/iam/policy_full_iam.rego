# METADATA
# title: "IAM policy does not grant full IAM privileges"
# description: "Allowing \"iam:*\" (or \"*\") lets the principal create users, attach any policy and take over the account, whatever resources the statement names. Identity policies, SSO permission set inline policies and `aws_iam_policy_document` data sources with an explicit Allow are checked."
# custom:
#   id: IACPAC_AWS_IAM_020
#   severity: medium
#   resource_types: [aws_iam_group_policy, aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_ssoadmin_permission_set_inline_policy, aws_iam_policy_document]
#   checkov: [CKV2_AWS_40]
#   remediation: "Grant only the specific IAM actions needed, scoped to specific resources."
package iacpac.aws.iam.policy_full_iam

import rego.v1

import data.iacpac.lib.terraform as tf
import data.iacpac.lib.iam

deny contains finding if {
	some [rc, statements] in iam.identity_policies
	some statement in statements
	statement.effect == "Allow"
	some action in statement.actions
	action in {"*", "iam:*"}
	finding := {
		"address": rc.address,
		"message": sprintf("IAM policy %s grants full IAM privileges (%s)", [rc.address, action]),
	}
}

deny contains finding if {
	some [address, statements] in iam.document_policies
	some statement in statements
	statement.explicit_effect == "Allow"
	some action in statement.actions
	action in {"*", "iam:*"}
	finding := {
		"address": address,
		"message": sprintf("IAM policy document %s grants full IAM privileges (%s)", [address, action]),
	}
}
