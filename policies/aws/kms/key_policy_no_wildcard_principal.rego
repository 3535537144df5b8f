# METADATA
# title: "KMS key policy does not allow every principal"
# description: "A key policy statement that allows principal \"*\" (or AWS \"*\") without a condition lets any AWS account use or manage the key. Allow statements with a wildcard principal and no condition fail."
# custom:
#   id: IACPAC_AWS_KMS_004
#   severity: medium
#   resource_types: [aws_kms_key]
#   checkov: [CKV_AWS_33]
#   remediation: "Name the accounts and roles that may use the key, or add a condition such as kms:CallerAccount."
package iacpac.aws.kms.key_policy_no_wildcard_principal

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_kms_key")
	doc := tf.document(tf.after(rc).policy)
	some statement in tf.as_list(object.get(doc, "Statement", []))
	statement.Effect != "Deny"
	not statement.Condition
	wildcard(statement.Principal)
	finding := {
		"address": rc.address,
		"message": sprintf("KMS key %s has a policy that allows every principal", [rc.address]),
	}
}

wildcard(principal) if "*" in tf.as_list(principal)

wildcard(principal) if "*" in tf.as_list(principal.AWS)
