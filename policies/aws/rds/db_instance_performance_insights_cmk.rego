# METADATA
# title: "RDS Performance Insights data uses a customer managed key"
# description: "Performance Insights stores query text; with a customer managed key access to it is governed by the key policy."
# custom:
#   id: IACPAC_AWS_RDS_012
#   severity: high
#   resource_types: [aws_db_instance, aws_rds_cluster_instance]
#   checkov: [CKV_AWS_354]
#   remediation: "Set performance_insights_kms_key_id to a customer managed aws_kms_key."
package iacpac.aws.rds.db_instance_performance_insights_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_db_instance", "aws_rds_cluster_instance"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("%s keeps Performance Insights data under an AWS managed key", [rc.address]),
	}
}

ok(rc) if not tf.after(rc).performance_insights_enabled == true

ok(rc) if tf.configured(rc, "performance_insights_kms_key_id")
