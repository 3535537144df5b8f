# METADATA
# title: "Neptune cluster snapshot is encrypted"
# description: "A snapshot holds a full copy of the graph database. A Neptune cluster snapshot passes when it is written with `storage_encrypted = true` or is taken of a cluster in this configuration that sets `storage_encrypted = true` (a snapshot inherits the cluster's encryption)."
# custom:
#   id: IACPAC_AWS_NEPTUNE_009
#   severity: high
#   resource_types: [aws_neptune_cluster_snapshot]
#   checkov: [CKV_AWS_279]
#   remediation: "Encrypt the source cluster (storage_encrypted = true with a kms_key_arn); its snapshots are encrypted too."
package iacpac.aws.neptune.snapshot_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some snapshot in tf.resources("aws_neptune_cluster_snapshot")
	not encrypted(snapshot)
	finding := {
		"address": snapshot.address,
		"message": sprintf("Neptune snapshot %s is not encrypted", [snapshot.address]),
	}
}

encrypted(snapshot) if tf.configured_value(snapshot, "storage_encrypted", true)

encrypted(snapshot) if {
	some cluster in tf.connected_resources(snapshot, "aws_neptune_cluster")
	tf.configured_value(cluster, "storage_encrypted", true)
}
