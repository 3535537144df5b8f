# METADATA
# title: "DAX cluster is encrypted at rest"
# description: "DAX caches table data on its nodes; server-side encryption protects it at rest (it is off by default)."
# custom:
#   id: IACPAC_AWS_DAX_002
#   severity: info
#   resource_types: [aws_dax_cluster]
#   checkov: [CKV_AWS_47]
#   remediation: "Add server_side_encryption { enabled = true }."
#   fix:
#     set:
#       server_side_encryption.enabled: true
package iacpac.aws.dax.cluster_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_dax_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("DAX cluster %s is not encrypted at rest", [rc.address]),
	}
}

ok(rc) if {
	tf.block_configured(rc, "server_side_encryption", "enabled")
	tf.block(tf.after(rc), "server_side_encryption").enabled == true
}

ok(rc) if {
	tf.block_configured(rc, "server_side_encryption", "enabled")
	tf.block(tf.unknown(rc), "server_side_encryption").enabled == true
}
