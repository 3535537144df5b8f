# METADATA
# title: "IAM policy does not allow reading data or secrets from every resource"
# description: "Reads such as s3:GetObject, ssm:GetParameter(s) and secretsmanager:GetSecretValue on `Resource = \"*\"` let the holder pull every object, parameter or secret in the account."
# custom:
#   id: IACPAC_AWS_IAM_002
#   severity: high
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_ssoadmin_permission_set_inline_policy]
#   checkov: [CKV_AWS_288]
#   remediation: "Scope data-reading actions to the buckets, parameters and secrets the workload needs."
package iacpac.aws.iam.policy_data_exfiltration

import rego.v1

import data.iacpac.lib.terraform as tf
import data.iacpac.lib.iam

deny contains finding if {
	some [rc, statements] in iam.identity_policies
	actions := {action |
		some statement in statements
		iam.allow_all_resources(statement)
		some action in statement.actions
		iam.exfiltration(action)
	}
	count(actions) > 0
	finding := {
		"address": rc.address,
		"message": sprintf("IAM policy %s allows %s on every resource, which can exfiltrate data", [rc.address, concat(", ", sort(actions))]),
	}
}
