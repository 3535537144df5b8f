# METADATA
# title: "DocumentDB parameter group keeps TLS on"
# description: "With the `tls` parameter disabled, clients can connect to the cluster without encryption. Cluster parameter groups that set `tls` to disabled fail."
# custom:
#   id: IACPAC_AWS_DOCDB_006
#   severity: medium
#   resource_types: [aws_docdb_cluster_parameter_group]
#   checkov: [CKV_AWS_90]
#   remediation: "Remove the tls = disabled parameter (TLS is enabled by default)."
package iacpac.aws.docdb.parameter_group_tls

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_docdb_cluster_parameter_group")
	some parameter in tf.blocks(tf.after(rc), "parameter")
	parameter.name == "tls"
	parameter.value == "disabled"
	finding := {
		"address": rc.address,
		"message": sprintf("DocumentDB parameter group %s turns TLS off", [rc.address]),
	}
}
