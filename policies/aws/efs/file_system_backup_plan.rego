# METADATA
# title: "EFS file system is covered by an AWS Backup plan"
# description: "An AWS Backup selection that includes the file system adds scheduled, retained recovery points. The file system passes when an `aws_backup_selection` references it."
# custom:
#   id: IACPAC_AWS_EFS_003
#   severity: low
#   resource_types: [aws_efs_file_system, aws_backup_selection]
#   checkov: [CKV2_AWS_18]
#   remediation: "Add an aws_backup_selection whose resources include aws_efs_file_system.<name>.arn."
package iacpac.aws.efs.file_system_backup_plan

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some fs in tf.resources("aws_efs_file_system")
	count(tf.connected_resources(fs, "aws_backup_selection")) == 0
	finding := {
		"address": fs.address,
		"message": sprintf("EFS file system %s is not in any AWS Backup selection", [fs.address]),
	}
}
