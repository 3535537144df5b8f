# METADATA
# title: "Neptune cluster copies tags to snapshots"
# description: "Tags copied to snapshots keep ownership and classification on backups."
# custom:
#   id: IACPAC_AWS_NEPTUNE_003
#   severity: low
#   resource_types: [aws_neptune_cluster]
#   checkov: [CKV_AWS_362]
#   remediation: "Set copy_tags_to_snapshot = true on the aws_neptune_cluster."
#   fix:
#     set:
#       copy_tags_to_snapshot: true
package iacpac.aws.neptune.cluster_copy_tags

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_neptune_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Neptune cluster %s does not copy its tags to snapshots", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "copy_tags_to_snapshot", true)
