# METADATA
# title: "The AWS managed AdministratorAccess policy is not attached"
# description: "AdministratorAccess grants every action on every resource. Roles whose `managed_policy_arns` include it, policy attachments of users, groups and roles, and SSO managed policy attachments that attach it are reported."
# custom:
#   id: IACPAC_AWS_IAM_028
#   severity: high
#   resource_types: [aws_iam_role, aws_iam_policy_attachment, aws_iam_role_policy_attachment, aws_iam_user_policy_attachment, aws_iam_group_policy_attachment, aws_ssoadmin_managed_policy_attachment]
#   checkov: [CKV_AWS_274]
#   remediation: "Attach a policy scoped to the permissions needed instead of arn:aws:iam::aws:policy/AdministratorAccess."
package iacpac.aws.iam.no_administrator_access_attachment

import rego.v1

import data.iacpac.lib.terraform as tf

administrator_arn := "arn:aws:iam::aws:policy/AdministratorAccess"

attachment_types := {"aws_iam_policy_attachment", "aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment"}

deny contains finding if {
	some rc in attaches_administrator
	finding := {
		"address": rc.address,
		"message": sprintf("%s attaches the AWS managed AdministratorAccess policy", [rc.address]),
	}
}

attaches_administrator contains rc if {
	some rc in tf.resources("aws_iam_role")
	administrator_arn in object.get(tf.after(rc), "managed_policy_arns", [])
}

attaches_administrator contains rc if {
	some resource_type in attachment_types
	some rc in tf.resources(resource_type)
	tf.after(rc).policy_arn == administrator_arn
}

attaches_administrator contains rc if {
	some rc in tf.resources("aws_ssoadmin_managed_policy_attachment")
	tf.after(rc).managed_policy_arn == administrator_arn
}
