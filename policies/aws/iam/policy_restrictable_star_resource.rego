# METADATA
# title: "IAM policy does not grant restrictable actions on every resource"
# description: "Actions that support resource-level permissions should be scoped to the resources they need; `Resource = \"*\"` is acceptable only for listing/describe calls that cannot be scoped."
# custom:
#   id: IACPAC_AWS_IAM_001
#   severity: high
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_ssoadmin_permission_set_inline_policy]
#   checkov: [CKV_AWS_355]
#   remediation: "Replace \"*\" with the ARNs the actions need, or split the unscopable describe/list actions into their own statement."
package iacpac.aws.iam.policy_restrictable_star_resource

import rego.v1

import data.iacpac.lib.terraform as tf
import data.iacpac.lib.iam

deny contains finding if {
	some [rc, statements] in iam.identity_policies
	actions := {action |
		some statement in statements
		iam.allow_all_resources(statement)
		some action in statement.actions
		iam.restrictable(action)
	}
	count(actions) > 0
	finding := {
		"address": rc.address,
		"message": sprintf("IAM policy %s allows %s on every resource (\"*\")", [rc.address, concat(", ", sort(actions))]),
	}
}
