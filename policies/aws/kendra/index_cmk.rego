# METADATA
# title: "Kendra index is encrypted with a customer managed key"
# description: "Indexed documents should be encrypted with a customer managed KMS key."
# custom:
#   id: IACPAC_AWS_KENDRA_001
#   severity: low
#   resource_types: [aws_kendra_index]
#   checkov: [CKV_AWS_262]
#   remediation: "Add server_side_encryption_configuration { kms_key_id = aws_kms_key.<name>.arn }."
package iacpac.aws.kendra.index_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_kendra_index")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Kendra index %s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}

ok(rc) if tf.block_set(rc, "server_side_encryption_configuration", "kms_key_id")
