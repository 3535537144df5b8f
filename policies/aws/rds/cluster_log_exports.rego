# METADATA
# title: "RDS cluster exports its logs to CloudWatch"
# description: "Cluster log exports (audit, error, general, slow query, postgresql) are needed for investigations."
# custom:
#   id: IACPAC_AWS_RDS_019
#   severity: medium
#   resource_types: [aws_rds_cluster]
#   checkov: [CKV_AWS_324]
#   remediation: "Set enabled_cloudwatch_logs_exports on the aws_rds_cluster."
#   fix:
#     - when: {engine: [aurora, aurora-mysql, mysql]}
#       set:
#         enabled_cloudwatch_logs_exports: [audit, error, general, slowquery]
#     - when: {engine: [aurora-postgresql, postgres]}
#       set:
#         enabled_cloudwatch_logs_exports: [postgresql]
package iacpac.aws.rds.cluster_log_exports

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_rds_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("RDS cluster %s does not export any logs to CloudWatch", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "enabled_cloudwatch_logs_exports")
