# METADATA
# title: "IAM policy does not allow privilege escalation"
# description: "Some combinations of actions let a principal grant itself more than it was given: creating access keys or login profiles for other users, attaching or writing policies, changing a trust policy, or passing an existing role to a new Lambda function, EC2 instance, Glue endpoint, CloudFormation stack or data pipeline (the escalation methods published by Rhino Security Labs). An identity policy (`aws_iam_policy`, role/user/group inline policies, SSO permission set inline policies) fails when it grants every action of one method without resource constraints and without a condition (Deny statements take actions back)."
# custom:
#   id: IACPAC_AWS_IAM_036
#   severity: medium
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_ssoadmin_permission_set_inline_policy]
#   checkov: [CKV_AWS_286]
#   remediation: "Scope iam:PassRole and the IAM write actions to the roles, users and policies the workload manages, or split the permissions."
package iacpac.aws.iam.policy_privilege_escalation

import rego.v1

import data.iacpac.lib.iam

deny contains finding if {
	some [rc, statements] in iam.identity_policies
	methods := iam.privilege_escalations(statements)
	count(methods) > 0
	finding := {
		"address": rc.address,
		"message": sprintf("IAM policy %s allows privilege escalation (%s)", [rc.address, concat(", ", sort(methods))]),
	}
}
