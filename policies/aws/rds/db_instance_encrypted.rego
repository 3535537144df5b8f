# METADATA
# title: "RDS instance encrypts its storage"
# description: "Storage encryption protects the database files, automated backups, read replicas and snapshots at rest. It must be switched on explicitly with `storage_encrypted = true`."
# custom:
#   id: IACPAC_AWS_RDS_001
#   severity: low
#   resource_types: [aws_db_instance]
#   checkov: [CKV_AWS_16]
#   remediation: "Set storage_encrypted = true (and kms_key_id for a customer managed key); existing instances need a snapshot restore."
#   fix:
#     set:
#       storage_encrypted: true
package iacpac.aws.rds.db_instance_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_db_instance")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("RDS instance %s does not encrypt its storage", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "storage_encrypted", true)
