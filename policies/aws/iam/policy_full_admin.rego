# METADATA
# title: "IAM policy does not grant full administrator access"
# description: "A statement that allows action \"*\" on resource \"*\" grants every permission in the account."
# custom:
#   id: IACPAC_AWS_IAM_016
#   severity: high
#   resource_types: [aws_iam_group_policy, aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_ssoadmin_permission_set_inline_policy]
#   checkov: [CKV_AWS_62]
#   remediation: "Grant only the actions and resources the principal needs; use AWS managed job-function policies as a starting point."
package iacpac.aws.iam.policy_full_admin

import rego.v1

import data.iacpac.lib.terraform as tf
import data.iacpac.lib.iam

deny contains finding if {
	some [rc, statements] in iam.identity_policies
	some statement in statements
	iam.allow_all_resources(statement)
	"*" in statement.actions
	finding := {
		"address": rc.address,
		"message": sprintf("IAM policy %s grants full administrator access (\"*\" on \"*\")", [rc.address]),
	}
}
