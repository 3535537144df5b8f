# METADATA
# title: "Neptune cluster accepts IAM authentication"
# description: "IAM database authentication replaces static credentials with short-lived signed requests."
# custom:
#   id: IACPAC_AWS_NEPTUNE_008
#   severity: low
#   resource_types: [aws_neptune_cluster]
#   checkov: [CKV_AWS_359]
#   remediation: "Set iam_database_authentication_enabled = true."
package iacpac.aws.neptune.cluster_iam_authentication

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_neptune_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Neptune cluster %s does not enable IAM database authentication", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "iam_database_authentication_enabled", true)
