# METADATA
# title: "The AWS managed IAMFullAccess policy is not attached"
# description: "IAMFullAccess lets the principal manage every user, role and policy, i.e. take over the account. Policy attachments, roles' managed_policy_arns, SSO managed policy attachments and aws_iam_policy data sources that name it are reported."
# custom:
#   id: IACPAC_AWS_IAM_021
#   severity: high
#   resource_types: [aws_iam_group_policy_attachment, aws_iam_policy_attachment, aws_iam_role_policy_attachment, aws_iam_user_policy_attachment, aws_iam_role, aws_ssoadmin_managed_policy_attachment, aws_iam_policy]
#   checkov: [CKV2_AWS_56]
#   remediation: "Attach a narrowly scoped customer managed policy instead of IAMFullAccess."
package iacpac.aws.iam.no_iam_full_access_attachment

import rego.v1

import data.iacpac.lib.terraform as tf

attachment_types := {"aws_iam_group_policy_attachment", "aws_iam_policy_attachment", "aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment"}

deny contains finding if {
	some rc in named_iam_full_access
	finding := {
		"address": rc.address,
		"message": sprintf("%s uses the AWS managed IAMFullAccess policy", [rc.address]),
	}
}

named_iam_full_access contains rc if {
	some resource_type in attachment_types
	some rc in tf.resources(resource_type)
	contains(tf.after(rc).policy_arn, "IAMFullAccess")
}

named_iam_full_access contains rc if {
	some rc in tf.resources("aws_iam_role")
	some arn in tf.after(rc).managed_policy_arns
	contains(arn, "IAMFullAccess")
}

named_iam_full_access contains rc if {
	some rc in tf.resources("aws_ssoadmin_managed_policy_attachment")
	contains(tf.after(rc).managed_policy_arn, "IAMFullAccess")
}

named_iam_full_access contains rc if {
	some rc in tf.data_sources("aws_iam_policy")
	tf.after(rc).name == "IAMFullAccess"
}

named_iam_full_access contains rc if {
	some rc in tf.data_sources("aws_iam_policy")
	contains(tf.after(rc).arn, "IAMFullAccess")
}
