# METADATA
# title: "MemoryDB snapshot is encrypted with a customer managed key"
# description: "A snapshot is a full copy of the cluster's data; with a customer managed key (`kms_key_arn`) access to it is governed by the key policy."
# custom:
#   id: IACPAC_AWS_MEMORYDB_003
#   severity: high
#   resource_types: [aws_memorydb_snapshot]
#   checkov: [CKV_AWS_278]
#   remediation: "Set kms_key_arn on the aws_memorydb_snapshot."
package iacpac.aws.memorydb.snapshot_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_memorydb_snapshot"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("MemoryDB snapshot %s is not encrypted with a customer managed key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_arn")
