# METADATA
# title: "MSK cluster encrypts data at rest and in transit"
# description: "The cluster should name an encryption-at-rest key and keep TLS for client-broker and in-cluster traffic."
# custom:
#   id: IACPAC_AWS_MSK_002
#   severity: medium
#   resource_types: [aws_msk_cluster]
#   checkov: [CKV_AWS_81]
#   remediation: "Add encryption_info { encryption_at_rest_kms_key_arn = ..., encryption_in_transit { client_broker = \"TLS\", in_cluster = true } }."
package iacpac.aws.msk.cluster_encryption

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_msk_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("MSK cluster %s does not fully encrypt data at rest and in transit", [rc.address]),
	}
}

ok(rc) if {
	tf.configured(rc, "encryption_info")
	info := tf.block(tf.after(rc), "encryption_info")
	tf.block_set(rc, "encryption_info", "encryption_at_rest_kms_key_arn")
	transit := tf.block(info, "encryption_in_transit")
	object.get(transit, "client_broker", "TLS") in {"TLS", null}
	object.get(transit, "in_cluster", true) in {true, null}
}
