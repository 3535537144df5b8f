# METADATA
# title: "KMS key rotates automatically"
# description: "Automatic rotation replaces the key material yearly, limiting how much data one leaked key version can decrypt. Asymmetric and HMAC keys, which cannot rotate, are not judged."
# custom:
#   id: IACPAC_AWS_KMS_001
#   severity: info
#   resource_types: [aws_kms_key]
#   checkov: [CKV_AWS_7]
#   remediation: "Set enable_key_rotation = true on the aws_kms_key."
#   fix:
#     set:
#       enable_key_rotation: true
package iacpac.aws.kms.key_rotation

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_kms_key")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("KMS key %s does not rotate its key material", [rc.address]),
	}
}

ok(rc) if tf.after(rc).enable_key_rotation == true

ok(rc) if {
	spec := object.get(tf.after(rc), "customer_master_key_spec", null)
	is_string(spec)
	spec != "SYMMETRIC_DEFAULT"
}
