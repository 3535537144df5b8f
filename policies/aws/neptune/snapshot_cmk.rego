# METADATA
# title: "Neptune cluster snapshot uses a customer managed key"
# description: "With a customer managed key access to the snapshot's data is governed by the key policy. A Neptune cluster snapshot passes when it is written with a `kms_key_id` or is taken of a cluster in this configuration that sets `kms_key_arn`."
# custom:
#   id: IACPAC_AWS_NEPTUNE_010
#   severity: high
#   resource_types: [aws_neptune_cluster_snapshot]
#   checkov: [CKV_AWS_280]
#   remediation: "Encrypt the source cluster with a customer managed key (kms_key_arn); its snapshots use the same key."
package iacpac.aws.neptune.snapshot_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some snapshot in tf.resources("aws_neptune_cluster_snapshot")
	not customer_key(snapshot)
	finding := {
		"address": snapshot.address,
		"message": sprintf("Neptune snapshot %s is not encrypted with a customer managed key", [snapshot.address]),
	}
}

customer_key(snapshot) if {
	tf.configured(snapshot, "kms_key_id")
	tf.set(snapshot, "kms_key_id")
}

customer_key(snapshot) if {
	some cluster in tf.connected_resources(snapshot, "aws_neptune_cluster")
	tf.set(cluster, "kms_key_arn")
	tf.configured(cluster, "kms_key_arn")
}
