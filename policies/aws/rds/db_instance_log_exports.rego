# METADATA
# title: "RDS instance exports its logs to CloudWatch"
# description: "Exported database logs (error, general, slow query, audit or postgresql logs) are needed for investigations and alerting."
# custom:
#   id: IACPAC_AWS_RDS_008
#   severity: low
#   resource_types: [aws_db_instance]
#   checkov: [CKV_AWS_129]
#   remediation: "Set enabled_cloudwatch_logs_exports to the log types of the engine (e.g. [\"error\", \"general\", \"slowquery\"])."
#   fix:
#     - when: {engine: [mysql, mariadb]}
#       set:
#         enabled_cloudwatch_logs_exports: [error, general, slowquery]
#     - when: {engine: [postgres]}
#       set:
#         enabled_cloudwatch_logs_exports: [postgresql, upgrade]
#     - when: {engine: [oracle-ee, oracle-se2, oracle-ee-cdb, oracle-se2-cdb]}
#       set:
#         enabled_cloudwatch_logs_exports: [alert, audit, listener, trace]
#     - when: {engine: [sqlserver-ee, sqlserver-se, sqlserver-ex, sqlserver-web]}
#       set:
#         enabled_cloudwatch_logs_exports: [agent, error]
package iacpac.aws.rds.db_instance_log_exports

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_db_instance")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("RDS instance %s does not export any logs to CloudWatch", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "enabled_cloudwatch_logs_exports")
