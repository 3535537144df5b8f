# METADATA
# title: "RDS MySQL/PostgreSQL instance accepts IAM authentication"
# description: "IAM database authentication replaces long-lived database passwords with short-lived tokens tied to IAM identities. Only instances whose engine is `mysql` or `postgres` are judged."
# custom:
#   id: IACPAC_AWS_RDS_006
#   severity: medium
#   resource_types: [aws_db_instance]
#   checkov: [CKV_AWS_161]
#   remediation: "Set iam_database_authentication_enabled = true."
#   fix:
#     when: {engine: [mysql, postgres]}
#     set:
#       iam_database_authentication_enabled: true
package iacpac.aws.rds.db_instance_iam_authentication

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_db_instance")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("RDS instance %s does not enable IAM database authentication", [rc.address]),
	}
}

ok(rc) if not object.get(tf.after(rc), "engine", null) in {"mysql", "postgres"}

ok(rc) if tf.configured_value(rc, "iam_database_authentication_enabled", true)
