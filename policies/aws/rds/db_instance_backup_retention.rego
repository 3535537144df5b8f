# METADATA
# title: "RDS database keeps automated backups"
# description: "A backup retention period of 0 disables automated backups and point-in-time recovery. A retention written in the configuration must be between 1 and 35 days."
# custom:
#   id: IACPAC_AWS_RDS_010
#   severity: low
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   checkov: [CKV_AWS_133]
#   remediation: "Set backup_retention_period to at least 1 (7 or more is better)."
#   fix:
#     set:
#       backup_retention_period: 7
package iacpac.aws.rds.db_instance_backup_retention

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_db_instance", "aws_rds_cluster"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("%s disables automated backups (backup_retention_period)", [rc.address]),
	}
}

ok(rc) if not tf.configured(rc, "backup_retention_period")

ok(rc) if tf.unknown(rc).backup_retention_period == true

ok(rc) if {
	period := tf.after(rc).backup_retention_period
	period >= 1
	period <= 35
}
