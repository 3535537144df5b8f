# METADATA
# title: "Neptune cluster has deletion protection"
# description: "Deletion protection keeps the graph database from being dropped by a mistaken destroy."
# custom:
#   id: IACPAC_AWS_NEPTUNE_001
#   severity: info
#   resource_types: [aws_neptune_cluster]
#   checkov: [CKV2_AWS_58]
#   remediation: "Set deletion_protection = true on the aws_neptune_cluster."
#   fix:
#     set:
#       deletion_protection: true
package iacpac.aws.neptune.cluster_deletion_protection

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_neptune_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Neptune cluster %s does not enable deletion protection", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "deletion_protection", true)
