# METADATA
# title: "Neptune cluster is encrypted with a customer managed key"
# description: "A customer managed key puts access to the graph data under a key policy you control."
# custom:
#   id: IACPAC_AWS_NEPTUNE_005
#   severity: high
#   resource_types: [aws_neptune_cluster]
#   checkov: [CKV_AWS_347]
#   remediation: "Set kms_key_arn on the aws_neptune_cluster to a customer managed aws_kms_key."
package iacpac.aws.neptune.cluster_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_neptune_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Neptune cluster %s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}

ok(rc) if tf.configured(rc, "kms_key_arn")
