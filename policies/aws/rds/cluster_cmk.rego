# METADATA
# title: "RDS cluster is encrypted with a customer managed key"
# description: "A customer managed key puts access to the cluster data under a key policy you control."
# custom:
#   id: IACPAC_AWS_RDS_022
#   severity: info
#   resource_types: [aws_rds_cluster]
#   checkov: [CKV_AWS_327]
#   remediation: "Set kms_key_id on the aws_rds_cluster to a customer managed aws_kms_key."
package iacpac.aws.rds.cluster_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_rds_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("RDS cluster %s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}

ok(rc) if tf.configured(rc, "kms_key_id")
