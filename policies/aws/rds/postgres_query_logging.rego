# METADATA
# title: "PostgreSQL instance logs queries"
# description: "PostgreSQL instances should use a parameter group that sets both `log_statement` and `log_min_duration_statement`, so statements and slow queries end up in the logs."
# custom:
#   id: IACPAC_AWS_RDS_013
#   severity: low
#   resource_types: [aws_db_instance, aws_db_parameter_group]
#   checkov: [CKV2_AWS_30]
#   remediation: "Attach an aws_db_parameter_group with parameters log_statement and log_min_duration_statement."
package iacpac.aws.rds.postgres_query_logging

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some db in tf.resources("aws_db_instance")
	tf.after(db).engine == "postgres"
	not logs_queries(db)
	finding := {
		"address": db.address,
		"message": sprintf("PostgreSQL instance %s has no parameter group that logs queries", [db.address]),
	}
}

logs_queries(db) if {
	some group in tf.connected_resources(db, "aws_db_parameter_group")
	names := {p.name | some p in tf.blocks(tf.after(group), "parameter")}
	"log_statement" in names
	"log_min_duration_statement" in names
}
