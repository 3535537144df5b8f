# METADATA
# title: "Replicated RDS automated backups use a customer managed key"
# description: "Automated backups replicated to another region are a second full copy of the database; with a customer managed key in that region (`kms_key_id`) access to them is governed by the key policy."
# custom:
#   id: IACPAC_AWS_RDS_031
#   severity: low
#   resource_types: [aws_db_instance_automated_backups_replication]
#   checkov: [CKV_AWS_245]
#   remediation: "Set kms_key_id on the aws_db_instance_automated_backups_replication to a customer managed key in the destination region."
package iacpac.aws.rds.backup_replication_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_db_instance_automated_backups_replication"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Replicated backups %s are not encrypted with a customer managed key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_id")
