# METADATA
# title: "RDS global cluster is encrypted"
# description: "Global cluster storage should be encrypted in every region."
# custom:
#   id: IACPAC_AWS_RDS_026
#   severity: low
#   resource_types: [aws_rds_global_cluster]
#   checkov: [CKV_AWS_140]
#   remediation: "Set storage_encrypted = true on the aws_rds_global_cluster."
package iacpac.aws.rds.global_cluster_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_rds_global_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("RDS global cluster %s is not encrypted", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "storage_encrypted", true)
