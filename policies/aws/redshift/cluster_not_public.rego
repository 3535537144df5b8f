# METADATA
# title: "Redshift cluster is not publicly accessible"
# description: "The provider makes clusters publicly accessible unless `publicly_accessible = false` is written, which exposes the warehouse endpoint to the internet."
# custom:
#   id: IACPAC_AWS_REDSHIFT_005
#   severity: low
#   resource_types: [aws_redshift_cluster]
#   checkov: [CKV_AWS_87]
#   remediation: "Set publicly_accessible = false."
package iacpac.aws.redshift.cluster_not_public

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_redshift_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Redshift cluster %s is publicly accessible", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "publicly_accessible", false)
