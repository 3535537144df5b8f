# METADATA
# title: "CodeGuru Reviewer association uses a customer managed key"
# description: "CodeGuru Reviewer keeps a copy of the source code it analyses; with a customer managed key access to it is governed by the key policy. The association passes when `kms_key_details.encryption_option` is CUSTOMER_MANAGED_CMK."
# custom:
#   id: IACPAC_AWS_CODEGURU_001
#   severity: low
#   resource_types: [aws_codegurureviewer_repository_association]
#   checkov: [CKV_AWS_381]
#   remediation: "Add kms_key_details { encryption_option = \"CUSTOMER_MANAGED_CMK\", kms_key_id = ... }."
package iacpac.aws.codeguru.reviewer_association_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_codegurureviewer_repository_association")
	not customer_key(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CodeGuru Reviewer association %s is not encrypted with a customer managed key", [rc.address]),
	}
}

customer_key(rc) if {
	tf.block_configured(rc, "kms_key_details", "encryption_option")
	tf.block(tf.after(rc), "kms_key_details").encryption_option == "CUSTOMER_MANAGED_CMK"
}

customer_key(rc) if {
	tf.block_configured(rc, "kms_key_details", "encryption_option")
	tf.block(tf.unknown(rc), "kms_key_details").encryption_option == true
}
