# METADATA
# title: "Secrets Manager secret is encrypted with a customer managed key"
# description: "A customer managed key lets the key policy decide who can decrypt the secret, in addition to the secret policy."
# custom:
#   id: IACPAC_AWS_SECRETSMANAGER_001
#   severity: low
#   resource_types: [aws_secretsmanager_secret]
#   checkov: [CKV_AWS_149]
#   remediation: "Set kms_key_id on the aws_secretsmanager_secret."
package iacpac.aws.secretsmanager.secret_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_secretsmanager_secret")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Secret %s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}

# A key of the account's own (not an AWS managed alias such as alias/aws/secretsmanager).
ok(rc) if {
	tf.set(rc, "kms_key_id")
	not contains(object.get(tf.after(rc), "kms_key_id", ""), "aws/")
}
