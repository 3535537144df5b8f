# METADATA
# title: "RDS cluster activity stream uses a customer managed key"
# description: "Database activity streams carry every query the cluster runs. The `aws_rds_cluster_activity_stream` must name a customer managed key (`kms_key_id`) so access to the stream is governed by the key policy."
# custom:
#   id: IACPAC_AWS_RDS_034
#   severity: low
#   resource_types: [aws_rds_cluster_activity_stream]
#   checkov: [CKV_AWS_246]
#   remediation: "Set kms_key_id on the aws_rds_cluster_activity_stream to a customer managed aws_kms_key."
package iacpac.aws.rds.cluster_activity_stream_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_rds_cluster_activity_stream"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("RDS activity stream %s is not encrypted with a customer managed key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_id")
