# METADATA
# title: "RDS PostgreSQL runs a version patched against the log_fdw issue"
# description: "PostgreSQL versions affected by the log_fdw extension vulnerability (AWS-2022-004) let database users read files of the host. A `postgres` engine_version must be 14 or later, or above 13.2, 12.6, 11.11, 10.16 or 9.6.21 in its line; an `aurora-postgresql` one must be 12 or later, or above 11.8 or 10.13. Versions that are not written, or not written as major.minor, are not judged."
# custom:
#   id: IACPAC_AWS_RDS_025
#   severity: medium
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   checkov: [CKV_AWS_250]
#   remediation: "Upgrade engine_version to a patched minor version (or a newer major version)."
package iacpac.aws.rds.postgres_log_fdw_patched

import rego.v1

import data.iacpac.lib.terraform as tf

# Highest affected minor version per major line (9.6 counts its patch level).
affected_postgres := {14: -1, 13: 2, 12: 6, 11: 11, 10: 16}

affected_aurora := {12: -1, 11: 8, 10: 13}

deny contains finding if {
	some resource_type in {"aws_db_instance", "aws_rds_cluster"}
	some rc in tf.resources(resource_type)
	vulnerable(tf.after(rc))
	finding := {
		"address": rc.address,
		"message": sprintf("PostgreSQL database %s runs a version affected by the log_fdw vulnerability", [rc.address]),
	}
}

vulnerable(db) if {
	db.engine == "postgres"
	parts := split(db.engine_version, ".")
	count(parts) in {2, 3}
	major := to_number(parts[0])
	minor := to_number(parts[1])
	not postgres_fixed(major, minor, parts)
}

vulnerable(db) if {
	db.engine == "aurora-postgresql"
	parts := split(db.engine_version, ".")
	count(parts) == 2
	major := to_number(parts[0])
	minor := to_number(parts[1])
	not aurora_fixed(major, minor)
}

postgres_fixed(major, _, _) if major >= 14

postgres_fixed(major, minor, _) if minor > affected_postgres[major]

postgres_fixed(9, 6, parts) if to_number(parts[2]) > 21

# A 9.6 version without its patch level cannot be judged.
postgres_fixed(9, 6, parts) if count(parts) == 2

aurora_fixed(major, _) if major >= 12

aurora_fixed(major, minor) if minor > affected_aurora[major]
