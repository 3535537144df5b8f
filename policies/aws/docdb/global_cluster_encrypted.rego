# METADATA
# title: "DocumentDB global cluster is encrypted at rest"
# description: "A global cluster replicates the database across regions; unencrypted storage leaves every copy readable from the underlying storage. The global cluster must set `storage_encrypted = true` (the default is unencrypted)."
# custom:
#   id: IACPAC_AWS_DOCDB_007
#   severity: high
#   resource_types: [aws_docdb_global_cluster]
#   checkov: [CKV_AWS_292]
#   remediation: "Set storage_encrypted = true on the aws_docdb_global_cluster."
package iacpac.aws.docdb.global_cluster_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_docdb_global_cluster"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("DocumentDB global cluster %s is not encrypted at rest", [rc.address]),
	}
}

ok(rc) if tf.after(rc).storage_encrypted == true

ok(rc) if {
	tf.configured(rc, "storage_encrypted")
	tf.unknown(rc).storage_encrypted == true
}
