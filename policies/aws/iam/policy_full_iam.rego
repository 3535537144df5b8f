# METADATA
# title: "IAM policy does not grant full IAM privileges"
# description: "Allowing \"iam:*\" (or \"*\") lets the principal create users, attach any policy and take over the account."
# custom:
#   id: IACPAC_AWS_IAM_020
#   severity: medium
#   resource_types: [aws_iam_group_policy, aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_ssoadmin_permission_set_inline_policy]
#   checkov: [CKV2_AWS_40]
#   remediation: "Grant only the specific IAM actions needed, scoped to specific resources."
package iacpac.aws.iam.policy_full_iam

import rego.v1

import data.iacpac.lib.terraform as tf
import data.iacpac.lib.iam

deny contains finding if {
	some [rc, statements] in iam.identity_policies
	some statement in statements
	iam.allow_all_resources(statement)
	some action in statement.actions
	action in {"*", "iam:*"}
	finding := {
		"address": rc.address,
		"message": sprintf("IAM policy %s grants full IAM privileges (%s)", [rc.address, action]),
	}
}
