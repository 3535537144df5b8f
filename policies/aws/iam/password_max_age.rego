# METADATA
# title: "IAM password policy expires passwords within 90 days"
# description: "Passwords that never expire stay valid long after they leak."
# custom:
#   id: IACPAC_AWS_IAM_009
#   severity: info
#   resource_types: [aws_iam_account_password_policy]
#   checkov: [CKV_AWS_9]
#   remediation: "Set max_password_age = 90 or less."
package iacpac.aws.iam.password_max_age

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_iam_account_password_policy")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Password policy %s lets passwords live longer than 90 days", [rc.address]),
	}
}

ok(rc) if {
	tf.configured(rc, "max_password_age")
	tf.after(rc).max_password_age <= 90
}
