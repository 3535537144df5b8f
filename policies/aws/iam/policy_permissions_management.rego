# METADATA
# title: "IAM policy does not allow managing permissions on every resource"
# description: "Permission-management actions (attaching or writing policies, ACLs, grants, resource permissions, passing roles) on `Resource = \"*\"` let the holder escalate privileges or expose resources."
# custom:
#   id: IACPAC_AWS_IAM_003
#   severity: high
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_ssoadmin_permission_set_inline_policy]
#   checkov: [CKV_AWS_289]
#   remediation: "Scope permission-management actions to specific resources, or remove them."
package iacpac.aws.iam.policy_permissions_management

import rego.v1

import data.iacpac.lib.terraform as tf
import data.iacpac.lib.iam

deny contains finding if {
	some [rc, statements] in iam.identity_policies
	actions := {action |
		some statement in statements
		iam.allow_all_resources(statement)
		some action in statement.actions
		iam.permissions_management(action)
	}
	count(actions) > 0
	finding := {
		"address": rc.address,
		"message": sprintf("IAM policy %s allows %s on every resource (permissions management)", [rc.address, concat(", ", sort(actions))]),
	}
}
