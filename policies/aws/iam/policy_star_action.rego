# METADATA
# title: "IAM policy does not allow every action"
# description: "A statement that allows action \"*\" (on any resource) grants every service permission there is."
# custom:
#   id: IACPAC_AWS_IAM_017
#   severity: high
#   resource_types: [aws_iam_group_policy, aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_ssoadmin_permission_set_inline_policy]
#   checkov: [CKV_AWS_63]
#   remediation: "List the actions the principal needs instead of \"*\"."
package iacpac.aws.iam.policy_star_action

import rego.v1

import data.iacpac.lib.terraform as tf
import data.iacpac.lib.iam

deny contains finding if {
	some [rc, statements] in iam.identity_policies
	some statement in statements
	statement.effect == "Allow"
	"*" in statement.actions
	finding := {
		"address": rc.address,
		"message": sprintf("IAM policy %s allows every action (\"*\")", [rc.address]),
	}
}
