# METADATA
# title: "RDS cluster is covered by an AWS Backup plan"
# description: "AWS Backup adds retention policies, vaults and cross-account copies on top of automated snapshots. The cluster passes when an `aws_backup_selection` references it."
# custom:
#   id: IACPAC_AWS_RDS_023
#   severity: low
#   resource_types: [aws_rds_cluster, aws_backup_selection]
#   checkov: [CKV2_AWS_8]
#   remediation: "Add an aws_backup_selection whose resources include aws_rds_cluster.<name>.arn."
package iacpac.aws.rds.cluster_backup_plan

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some cluster in tf.resources("aws_rds_cluster")
	count(tf.connected_resources(cluster, "aws_backup_selection")) == 0
	finding := {
		"address": cluster.address,
		"message": sprintf("RDS cluster %s is not in any AWS Backup selection", [cluster.address]),
	}
}
