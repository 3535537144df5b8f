# METADATA
# title: "MSK cluster encrypts data at rest and in transit"
# description: "The cluster should write an encryption_info block (which encrypts at rest, with an AWS managed key unless one is named) and keep TLS for client-broker and in-cluster traffic: client_broker other than TLS or in_cluster = false fails."
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

# An encryption_info block encrypts at rest (with an AWS managed key when no key ARN is given); in transit, TLS
# between clients and brokers and inside the cluster are the defaults, so only settings that turn them off fail.
ok(rc) if {
	tf.configured(rc, "encryption_info")
	info := tf.block(tf.after(rc), "encryption_info")
	transit := tf.block(info, "encryption_in_transit")
	object.get(transit, "client_broker", "TLS") in {"TLS", null}
	object.get(transit, "in_cluster", true) in {true, null}
}
