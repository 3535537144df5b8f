# METADATA
# title: "The AWS managed IAMFullAccess policy is not attached"
# description: "IAMFullAccess lets the principal manage every user, role and policy, i.e. take over the account."
# custom:
#   id: IACPAC_AWS_IAM_021
#   severity: high
#   resource_types: [aws_iam_group_policy_attachment, aws_iam_policy_attachment, aws_iam_role_policy_attachment, aws_iam_user_policy_attachment]
#   checkov: [CKV2_AWS_56]
#   remediation: "Attach a narrowly scoped customer managed policy instead of IAMFullAccess."
package iacpac.aws.iam.no_iam_full_access_attachment

import rego.v1

import data.iacpac.lib.terraform as tf

attachment_types := {"aws_iam_group_policy_attachment", "aws_iam_policy_attachment", "aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment"}

deny contains finding if {
	some resource_type in attachment_types
	some rc in tf.resources(resource_type)
	tf.after(rc).policy_arn == "arn:aws:iam::aws:policy/IAMFullAccess"
	finding := {
		"address": rc.address,
		"message": sprintf("%s attaches the AWS managed IAMFullAccess policy", [rc.address]),
	}
}
