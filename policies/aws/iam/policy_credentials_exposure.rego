# METADATA
# title: "IAM policy does not hand out credentials without resource constraints"
# description: "Some actions return secrets in their response: access keys (iam:CreateAccessKey), console passwords, temporary credentials (sts:AssumeRole), instance passwords or service tokens. An identity policy (`aws_iam_policy`, role/user/group inline policies, SSO permission set inline policies) that allows one of them on `Resource = \"*\"` (or, for actions without resource-level permissions, at all) without a condition lets the holder mint credentials for others; a Deny statement naming the action takes it back. ecr:GetAuthorizationToken, which every image pull needs, is not counted."
# custom:
#   id: IACPAC_AWS_IAM_033
#   severity: high
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, aws_ssoadmin_permission_set_inline_policy]
#   checkov: [CKV_AWS_287]
#   remediation: "Scope credential-issuing actions to the users, roles or resources they concern, or add a condition."
package iacpac.aws.iam.policy_credentials_exposure

import rego.v1

import data.iacpac.lib.iam

deny contains finding if {
	some [rc, statements] in iam.identity_policies
	actions := iam.allowed_without_constraints(statements, iam.credential_actions)
	count(actions) > 0
	finding := {
		"address": rc.address,
		"message": sprintf("IAM policy %s allows credential-issuing actions without constraints: %s", [rc.address, concat(", ", sort(actions))]),
	}
}
