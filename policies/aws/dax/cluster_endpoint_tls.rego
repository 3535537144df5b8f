# METADATA
# title: "DAX cluster endpoint uses TLS"
# description: "Clients should reach the DAX cluster over TLS (`cluster_endpoint_encryption_type = \"TLS\"`)."
# custom:
#   id: IACPAC_AWS_DAX_001
#   severity: low
#   resource_types: [aws_dax_cluster]
#   checkov: [CKV_AWS_239]
#   remediation: "Set cluster_endpoint_encryption_type = \"TLS\"."
#   fix:
#     set:
#       cluster_endpoint_encryption_type: TLS
package iacpac.aws.dax.cluster_endpoint_tls

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_dax_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("DAX cluster %s endpoint does not use TLS", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "cluster_endpoint_encryption_type", "TLS")
