# METADATA
# title: "IAM password policy requires an uppercase letter"
# description: "Character-class rules widen the search space of guessed passwords."
# custom:
#   id: IACPAC_AWS_IAM_015
#   severity: info
#   resource_types: [aws_iam_account_password_policy]
#   checkov: [CKV_AWS_15]
#   remediation: "Set require_uppercase_characters = true."
package iacpac.aws.iam.password_uppercase

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_iam_account_password_policy")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Password policy %s does not require an uppercase letter", [rc.address]),
	}
}

ok(rc) if {
	tf.configured(rc, "require_uppercase_characters")
	tf.after(rc).require_uppercase_characters == true
}
