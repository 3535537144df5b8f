# METADATA
# title: "DMS replication instance is encrypted with a customer managed key"
# description: "Replication storage should be encrypted with a customer managed KMS key."
# custom:
#   id: IACPAC_AWS_DMS_002
#   severity: low
#   resource_types: [aws_dms_replication_instance]
#   checkov: [CKV_AWS_212]
#   remediation: "Set kms_key_arn on the aws_dms_replication_instance."
package iacpac.aws.dms.replication_instance_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_dms_replication_instance")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("DMS replication instance %s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_arn")
