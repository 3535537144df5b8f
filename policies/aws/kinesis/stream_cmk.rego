# METADATA
# title: "Kinesis stream is encrypted with a customer managed key"
# description: "A customer managed key (rather than alias/aws/kinesis) keeps control over who can read the stream."
# custom:
#   id: IACPAC_AWS_KINESIS_002
#   severity: low
#   resource_types: [aws_kinesis_stream]
#   checkov: [CKV_AWS_185]
#   remediation: "Set encryption_type = \"KMS\" and kms_key_id to a customer managed key."
package iacpac.aws.kinesis.stream_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_kinesis_stream")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Kinesis stream %s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}

ok(rc) if {
	tf.after(rc).encryption_type == "KMS"
	tf.set(rc, "kms_key_id")
	not tf.after(rc).kms_key_id == "alias/aws/kinesis"
}
