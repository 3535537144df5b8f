# METADATA
# title: "DMS endpoint is encrypted with a customer managed key"
# description: "An endpoint stores its connection settings, including credentials, encrypted; with a customer managed key access to them is governed by the key policy. An endpoint passes when it sets `kms_key_arn` (not empty); an S3 endpoint passes when its `s3_settings.server_side_encryption_kms_key_id` is set."
# custom:
#   id: IACPAC_AWS_DMS_005
#   severity: high
#   resource_types: [aws_dms_endpoint]
#   checkov: [CKV_AWS_296]
#   remediation: "Set kms_key_arn on the aws_dms_endpoint (for S3, s3_settings { server_side_encryption_kms_key_id = ... })."
package iacpac.aws.dms.endpoint_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_dms_endpoint")
	not keyed(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("DMS endpoint %s is not encrypted with a customer managed key", [rc.address]),
	}
}

keyed(rc) if {
	tf.after(rc).engine_name == "s3"
	tf.block_set(rc, "s3_settings", "server_side_encryption_kms_key_id")
}

keyed(rc) if {
	not tf.after(rc).engine_name == "s3"
	tf.set(rc, "kms_key_arn")
}
