# METADATA
# title: "DocumentDB cluster is encrypted with a customer managed key"
# description: "A customer managed key controls who can decrypt the cluster storage."
# custom:
#   id: IACPAC_AWS_DOCDB_003
#   severity: low
#   resource_types: [aws_docdb_cluster]
#   checkov: [CKV_AWS_182]
#   remediation: "Set storage_encrypted = true and kms_key_id."
package iacpac.aws.docdb.cluster_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_docdb_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("DocumentDB cluster %s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_id")
