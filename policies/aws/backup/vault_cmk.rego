# METADATA
# title: "Backup vault is encrypted with a customer managed key"
# description: "Recovery points are encrypted with the vault key; a customer key keeps control over who can restore them."
# custom:
#   id: IACPAC_AWS_BACKUP_001
#   severity: medium
#   resource_types: [aws_backup_vault]
#   checkov: [CKV_AWS_166]
#   remediation: "Set kms_key_arn on the aws_backup_vault."
package iacpac.aws.backup.vault_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_backup_vault")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Backup vault %s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_arn")
