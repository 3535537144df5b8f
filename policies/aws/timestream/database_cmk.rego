# METADATA
# title: "Timestream database is encrypted with a customer managed key"
# description: "A customer managed key controls who can decrypt the time series data."
# custom:
#   id: IACPAC_AWS_TIMESTREAM_001
#   severity: medium
#   resource_types: [aws_timestreamwrite_database]
#   checkov: [CKV_AWS_160]
#   remediation: "Set kms_key_id on the aws_timestreamwrite_database."
package iacpac.aws.timestream.database_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_timestreamwrite_database")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Timestream database %s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_id")
