# METADATA
# title: "RDS cluster has deletion protection"
# description: "Deletion protection keeps the cluster from being dropped by a mistaken destroy."
# custom:
#   id: IACPAC_AWS_RDS_016
#   severity: info
#   resource_types: [aws_rds_cluster]
#   checkov: [CKV_AWS_139]
#   remediation: "Set deletion_protection = true on the aws_rds_cluster."
#   fix:
#     set:
#       deletion_protection: true
package iacpac.aws.rds.cluster_deletion_protection

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_rds_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("RDS cluster %s does not enable deletion protection", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "deletion_protection", true)
