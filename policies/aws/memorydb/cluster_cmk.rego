# METADATA
# title: "MemoryDB cluster is encrypted with a customer managed key"
# description: "A customer managed key controls who can decrypt MemoryDB snapshots and data at rest."
# custom:
#   id: IACPAC_AWS_MEMORYDB_001
#   severity: low
#   resource_types: [aws_memorydb_cluster]
#   checkov: [CKV_AWS_201]
#   remediation: "Set kms_key_arn on the aws_memorydb_cluster."
package iacpac.aws.memorydb.cluster_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_memorydb_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("MemoryDB cluster %s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_arn")
