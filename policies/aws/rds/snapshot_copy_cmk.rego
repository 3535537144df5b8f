# METADATA
# title: "RDS snapshot copy uses a customer managed key"
# description: "Copying a snapshot (often to another account or region) creates another full copy of the database; with a customer managed key (`kms_key_id`) access to it is governed by the key policy."
# custom:
#   id: IACPAC_AWS_RDS_033
#   severity: low
#   resource_types: [aws_db_snapshot_copy]
#   checkov: [CKV_AWS_266]
#   remediation: "Set kms_key_id on the aws_db_snapshot_copy to a customer managed aws_kms_key."
package iacpac.aws.rds.snapshot_copy_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_db_snapshot_copy"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("RDS snapshot copy %s is not encrypted with a customer managed key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_id")
