# METADATA
# title: "IAM password policy requires a symbol"
# description: "Character-class rules widen the search space of guessed passwords."
# custom:
#   id: IACPAC_AWS_IAM_014
#   severity: info
#   resource_types: [aws_iam_account_password_policy]
#   checkov: [CKV_AWS_14]
#   remediation: "Set require_symbols = true."
package iacpac.aws.iam.password_symbols

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_iam_account_password_policy")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Password policy %s does not require a symbol", [rc.address]),
	}
}

ok(rc) if {
	tf.configured(rc, "require_symbols")
	tf.after(rc).require_symbols == true
}
