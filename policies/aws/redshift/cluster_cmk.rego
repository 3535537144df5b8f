# METADATA
# title: "Redshift cluster is encrypted with a customer managed key"
# description: "A customer managed KMS key puts access to the warehouse data under a key policy you control."
# custom:
#   id: IACPAC_AWS_REDSHIFT_001
#   severity: info
#   resource_types: [aws_redshift_cluster]
#   checkov: [CKV_AWS_142]
#   remediation: "Set encrypted = true and kms_key_id on the aws_redshift_cluster."
package iacpac.aws.redshift.cluster_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_redshift_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Redshift cluster %s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_id")
