# METADATA
# title: "IAM password policy requires at least 14 characters"
# description: "Short passwords fall quickly to guessing and cracking."
# custom:
#   id: IACPAC_AWS_IAM_010
#   severity: info
#   resource_types: [aws_iam_account_password_policy]
#   checkov: [CKV_AWS_10]
#   remediation: "Set minimum_password_length = 14 or more."
package iacpac.aws.iam.password_min_length

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_iam_account_password_policy")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Password policy %s allows passwords shorter than 14 characters", [rc.address]),
	}
}

ok(rc) if {
	tf.configured(rc, "minimum_password_length")
	tf.after(rc).minimum_password_length >= 14
}
