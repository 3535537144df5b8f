# METADATA
# title: "Aurora PostgreSQL instance does not run a version with the local file read flaw"
# description: "Aurora PostgreSQL 10.11-10.13 and 11.6-11.8 let database users read local files of the host through a vulnerable extension. An `aws_db_instance` with the aurora-postgresql engine fails when its `engine_version` is one of these."
# custom:
#   id: IACPAC_AWS_RDS_030
#   severity: medium
#   resource_types: [aws_db_instance]
#   checkov: [CKV_AWS_388]
#   remediation: "Upgrade engine_version to a patched release (10.14+, 11.9+ or a newer major version)."
package iacpac.aws.rds.aurora_postgres_file_read_patched

import rego.v1

import data.iacpac.lib.terraform as tf

vulnerable_versions := {"10.11", "10.12", "10.13", "11.6", "11.7", "11.8"}

deny contains finding if {
	some rc in tf.resources("aws_db_instance")
	contains(object.get(tf.after(rc), "engine", ""), "aurora-postgresql")
	tf.after(rc).engine_version in vulnerable_versions
	finding := {
		"address": rc.address,
		"message": sprintf("Aurora PostgreSQL instance %s runs version %s, open to local file reads", [rc.address, tf.after(rc).engine_version]),
	}
}
