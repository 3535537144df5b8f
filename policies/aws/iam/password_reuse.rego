# METADATA
# title: "IAM password policy prevents reuse of the last 24 passwords"
# description: "Reusing old passwords brings back credentials that may already have leaked."
# custom:
#   id: IACPAC_AWS_IAM_013
#   severity: high
#   resource_types: [aws_iam_account_password_policy]
#   checkov: [CKV_AWS_13]
#   remediation: "Set password_reuse_prevention = 24."
package iacpac.aws.iam.password_reuse

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_iam_account_password_policy")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Password policy %s allows reuse of recent passwords", [rc.address]),
	}
}

ok(rc) if {
	tf.configured(rc, "password_reuse_prevention")
	tf.after(rc).password_reuse_prevention >= 24
}
