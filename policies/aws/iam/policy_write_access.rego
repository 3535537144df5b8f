# METADATA
# title: "IAM policy does not allow write actions on every resource"
# description: "Write actions (create, delete, modify, start, stop, ...) on `Resource = \"*\"` allow changes anywhere in the account. Statements with a condition, and actions that AWS offers only on `*` (such as xray:PutTraceSegments or cloudwatch:PutMetricData), are not counted."
# custom:
#   id: IACPAC_AWS_IAM_004
#   severity: high
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_ssoadmin_permission_set_inline_policy]
#   checkov: [CKV_AWS_290]
#   remediation: "Scope write actions to the resources the workload owns."
package iacpac.aws.iam.policy_write_access

import rego.v1

import data.iacpac.lib.terraform as tf
import data.iacpac.lib.iam

deny contains finding if {
	some [rc, statements] in iam.identity_policies
	actions := {action |
		some statement in statements
		iam.allow_all_resources(statement)
		iam.unconditioned(statement)
		some action in statement.actions
		iam.restrictable(action)
		iam.write(action)
	}
	count(actions) > 0
	finding := {
		"address": rc.address,
		"message": sprintf("IAM policy %s allows write actions on every resource: %s", [rc.address, concat(", ", sort(actions))]),
	}
}
