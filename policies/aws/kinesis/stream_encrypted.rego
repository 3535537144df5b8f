# METADATA
# title: "Kinesis stream is encrypted"
# description: "Records at rest in a stream should be encrypted with KMS (`encryption_type = \"KMS\"`)."
# custom:
#   id: IACPAC_AWS_KINESIS_001
#   severity: low
#   resource_types: [aws_kinesis_stream]
#   checkov: [CKV_AWS_43]
#   remediation: "Set encryption_type = \"KMS\" and kms_key_id."
#   fix:
#     set:
#       encryption_type: KMS
#       kms_key_id: alias/aws/kinesis
package iacpac.aws.kinesis.stream_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_kinesis_stream")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Kinesis stream %s is not encrypted", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "encryption_type", "KMS")
