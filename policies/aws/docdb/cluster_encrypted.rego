# METADATA
# title: "DocumentDB cluster is encrypted at rest"
# description: "DocumentDB storage is unencrypted unless `storage_encrypted = true` is set at creation."
# custom:
#   id: IACPAC_AWS_DOCDB_001
#   severity: medium
#   resource_types: [aws_docdb_cluster]
#   checkov: [CKV_AWS_74]
#   remediation: "Set storage_encrypted = true."
package iacpac.aws.docdb.cluster_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_docdb_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("DocumentDB cluster %s is not encrypted at rest", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "storage_encrypted", true)
