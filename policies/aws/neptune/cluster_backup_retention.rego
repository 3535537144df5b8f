# METADATA
# title: "Neptune cluster keeps backups for at least a week"
# description: "The default retention of one day leaves little time to notice and recover from corruption; keep at least 7 days."
# custom:
#   id: IACPAC_AWS_NEPTUNE_006
#   severity: info
#   resource_types: [aws_neptune_cluster]
#   checkov: [CKV_AWS_361]
#   remediation: "Set backup_retention_period = 7 or more."
#   fix:
#     set:
#       backup_retention_period: 7
package iacpac.aws.neptune.cluster_backup_retention

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_neptune_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Neptune cluster %s keeps backups for less than 7 days", [rc.address]),
	}
}

ok(rc) if {
	tf.configured(rc, "backup_retention_period")
	tf.after(rc).backup_retention_period >= 7
}

ok(rc) if tf.unknown(rc).backup_retention_period == true
