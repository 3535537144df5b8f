# METADATA
# title: "Redshift cluster is encrypted at rest"
# description: "Encryption at rest protects the warehouse blocks, backups and snapshots."
# custom:
#   id: IACPAC_AWS_REDSHIFT_003
#   severity: low
#   resource_types: [aws_redshift_cluster]
#   checkov: [CKV_AWS_64]
#   remediation: "Set encrypted = true on the aws_redshift_cluster."
#   fix:
#     set:
#       encrypted: true
package iacpac.aws.redshift.cluster_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_redshift_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Redshift cluster %s is not encrypted at rest", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "encrypted", true)
