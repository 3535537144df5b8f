# METADATA
# title: "RDS PostgreSQL runs a version patched against the log_fdw issue"
# description: "PostgreSQL versions affected by the log_fdw extension vulnerability (AWS-2022-004) let database users read files of the host. Engine versions written in the configuration must be 10.21, 11.16, 12.11, 13.7 or newer in their major line."
# custom:
#   id: IACPAC_AWS_RDS_025
#   severity: medium
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   checkov: [CKV_AWS_250]
#   remediation: "Upgrade engine_version to a patched minor version (or a newer major version)."
package iacpac.aws.rds.postgres_log_fdw_patched

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_db_instance", "aws_rds_cluster"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("PostgreSQL database %s runs a version affected by the log_fdw vulnerability", [rc.address]),
	}
}

fixed := {"9": 999, "10": 21, "11": 16, "12": 11, "13": 7}

ok(rc) if not object.get(tf.after(rc), "engine", null) in {"postgres", "aurora-postgresql"}

ok(rc) if not tf.configured(rc, "engine_version")

ok(rc) if {
	parts := split(tf.after(rc).engine_version, ".")
	not fixed[parts[0]]
}

ok(rc) if {
	parts := split(tf.after(rc).engine_version, ".")
	to_number(parts[1]) >= fixed[parts[0]]
}
