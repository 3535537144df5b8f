# METADATA
# title: "Keyspaces table uses a customer managed key"
# description: "With a customer managed key the table data is encrypted under a key whose policy you control and whose use is audited. The table passes when its `encryption_specification` has type CUSTOMER_MANAGED_KMS_KEY and a `kms_key_identifier`."
# custom:
#   id: IACPAC_AWS_KEYSPACES_001
#   severity: low
#   resource_types: [aws_keyspaces_table]
#   checkov: [CKV_AWS_265]
#   remediation: "Add encryption_specification { type = \"CUSTOMER_MANAGED_KMS_KEY\", kms_key_identifier = ... }."
package iacpac.aws.keyspaces.table_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_keyspaces_table")
	not customer_key(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Keyspaces table %s is not encrypted with a customer managed key", [rc.address]),
	}
}

customer_key(rc) if {
	tf.block(tf.after(rc), "encryption_specification").type == "CUSTOMER_MANAGED_KMS_KEY"
	tf.block_set(rc, "encryption_specification", "kms_key_identifier")
}
