# METADATA
# title: "KMS key is enabled"
# description: "A disabled key cannot decrypt anything encrypted with it; a key left disabled in configuration usually means data that can no longer be read or a key that should have been scheduled for deletion. Keys fail when they set `is_enabled = false`."
# custom:
#   id: IACPAC_AWS_KMS_003
#   severity: low
#   resource_types: [aws_kms_key]
#   checkov: [CKV_AWS_227]
#   remediation: "Remove is_enabled = false from the aws_kms_key (or set it to true)."
package iacpac.aws.kms.key_enabled

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_kms_key")
	tf.after(rc).is_enabled == false
	finding := {
		"address": rc.address,
		"message": sprintf("KMS key %s is disabled", [rc.address]),
	}
}
