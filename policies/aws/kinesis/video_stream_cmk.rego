# METADATA
# title: "Kinesis video stream is encrypted with a customer managed key"
# description: "Video data should be encrypted with a customer managed KMS key."
# custom:
#   id: IACPAC_AWS_KINESIS_003
#   severity: low
#   resource_types: [aws_kinesis_video_stream]
#   checkov: [CKV_AWS_177]
#   remediation: "Set kms_key_id on the aws_kinesis_video_stream."
package iacpac.aws.kinesis.video_stream_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_kinesis_video_stream")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Kinesis video stream %s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_id")
