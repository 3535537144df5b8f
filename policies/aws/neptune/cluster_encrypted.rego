# METADATA
# title: "Neptune cluster encrypts its storage"
# description: "Storage encryption protects the graph data and its snapshots at rest."
# custom:
#   id: IACPAC_AWS_NEPTUNE_002
#   severity: medium
#   resource_types: [aws_neptune_cluster]
#   checkov: [CKV_AWS_44]
#   remediation: "Set storage_encrypted = true on the aws_neptune_cluster."
#   fix:
#     set:
#       storage_encrypted: true
package iacpac.aws.neptune.cluster_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_neptune_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Neptune cluster %s does not encrypt its storage", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "storage_encrypted", true)
