# METADATA
# title: "IAM policy document does not hand out credentials without resource constraints"
# description: "Some actions return secrets in their response: access keys (iam:CreateAccessKey), console passwords, temporary credentials (sts:AssumeRole), instance passwords or service tokens. An `aws_iam_policy_document` that allows one of them on every resource (or, for actions without resource-level permissions, at all) without a condition lets the holder mint credentials for others; a Deny statement naming the action takes it back. ecr:GetAuthorizationToken, which every image pull needs, is not counted."
# custom:
#   id: IACPAC_AWS_IAM_032
#   severity: low
#   resource_types: [aws_iam_policy_document]
#   checkov: [CKV_AWS_107]
#   remediation: "Scope credential-issuing actions to the users, roles or resources they concern, or add a condition."
package iacpac.aws.iam.document_credentials_exposure

import rego.v1

import data.iacpac.lib.iam

deny contains finding if {
	some [address, statements] in iam.document_policies
	actions := iam.allowed_without_constraints(statements, iam.credential_actions)
	count(actions) > 0
	finding := {
		"address": address,
		"message": sprintf("IAM policy document %s allows credential-issuing actions without constraints: %s", [address, concat(", ", sort(actions))]),
	}
}
