# METADATA
# title: "PostgreSQL instance logs queries"
# description: "PostgreSQL instances should use a custom parameter group, the place where query logging (`log_statement`, `log_min_duration_statement`) is configured; the default parameter group logs no queries. Like Checkov's check, the instance passes when a custom `aws_db_parameter_group` is connected to it."
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
		"message": sprintf("PostgreSQL instance %s has no custom parameter group to log queries", [db.address]),
	}
}

logs_queries(db) if count(tf.connected_resources(db, "aws_db_parameter_group")) > 0
