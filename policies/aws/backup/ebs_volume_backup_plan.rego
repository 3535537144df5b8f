# METADATA
# title: "EBS volume is part of an AWS Backup plan"
# description: "A volume no backup selection covers has no managed, retained backups. An `aws_ebs_volume` passes when an `aws_backup_selection` is connected to it (typically through its resources list)."
# custom:
#   id: IACPAC_AWS_BACKUP_002
#   severity: low
#   resource_types: [aws_ebs_volume]
#   checkov: [CKV2_AWS_9]
#   remediation: "Add the volume ARN to the resources of an aws_backup_selection of a backup plan."
package iacpac.aws.backup.ebs_volume_backup_plan

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some volume in tf.resources("aws_ebs_volume")
	count(tf.connected_resources(volume, "aws_backup_selection")) == 0
	finding := {
		"address": volume.address,
		"message": sprintf("EBS volume %s is not in an AWS Backup plan", [volume.address]),
	}
}
