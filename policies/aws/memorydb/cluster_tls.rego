# METADATA
# title: "MemoryDB cluster keeps TLS enabled"
# description: "Disabling TLS sends data and credentials in clear text."
# custom:
#   id: IACPAC_AWS_MEMORYDB_002
#   severity: low
#   resource_types: [aws_memorydb_cluster]
#   checkov: [CKV_AWS_202]
#   remediation: "Remove tls_enabled = false."
package iacpac.aws.memorydb.cluster_tls

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_memorydb_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("MemoryDB cluster %s disables TLS", [rc.address]),
	}
}

ok(rc) if not tf.configured(rc, "tls_enabled")

ok(rc) if not tf.after(rc).tls_enabled == false
