# METADATA
# title: "DocumentDB cluster keeps backups for at least a week"
# description: "The default one-day retention leaves little time to notice and recover from corruption."
# custom:
#   id: IACPAC_AWS_DOCDB_004
#   severity: low
#   resource_types: [aws_docdb_cluster]
#   checkov: [CKV_AWS_360]
#   remediation: "Set backup_retention_period = 7 or more."
package iacpac.aws.docdb.cluster_backup_retention

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_docdb_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("DocumentDB cluster %s keeps backups for less than 7 days", [rc.address]),
	}
}

ok(rc) if {
	tf.configured(rc, "backup_retention_period")
	tf.after(rc).backup_retention_period >= 7
}
