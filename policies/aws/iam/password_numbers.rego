# METADATA
# title: "IAM password policy requires a number"
# description: "Character-class rules widen the search space of guessed passwords."
# custom:
#   id: IACPAC_AWS_IAM_012
#   severity: low
#   resource_types: [aws_iam_account_password_policy]
#   checkov: [CKV_AWS_12]
#   remediation: "Set require_numbers = true."
package iacpac.aws.iam.password_numbers

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_iam_account_password_policy")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Password policy %s does not require a number", [rc.address]),
	}
}

ok(rc) if {
	tf.configured(rc, "require_numbers")
	tf.after(rc).require_numbers == true
}
