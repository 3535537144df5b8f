# METADATA
# title: "RDS cluster accepts IAM authentication"
# description: "IAM database authentication replaces static passwords with short-lived tokens."
# custom:
#   id: IACPAC_AWS_RDS_017
#   severity: low
#   resource_types: [aws_rds_cluster]
#   checkov: [CKV_AWS_162]
#   remediation: "Set iam_database_authentication_enabled = true on the aws_rds_cluster."
#   fix:
#     when: {engine: [aurora, aurora-mysql, aurora-postgresql]}
#     set:
#       iam_database_authentication_enabled: true
package iacpac.aws.rds.cluster_iam_authentication

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_rds_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("RDS cluster %s does not enable IAM database authentication", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "iam_database_authentication_enabled", true)
