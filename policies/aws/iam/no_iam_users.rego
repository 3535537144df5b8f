# METADATA
# title: "Access is managed through SSO instead of IAM users"
# description: "IAM users carry long-lived credentials; people should sign in through IAM Identity Center (SSO) and workloads should use roles."
# custom:
#   id: IACPAC_AWS_IAM_008
#   severity: low
#   resource_types: [aws_iam_user]
#   checkov: [CKV_AWS_273]
#   remediation: "Replace the aws_iam_user with IAM Identity Center users/permission sets or an IAM role."
package iacpac.aws.iam.no_iam_users

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_iam_user")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("IAM user %s is defined; use SSO or roles instead", [rc.address]),
	}
}

ok(rc) if false
