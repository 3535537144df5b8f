# METADATA
# title: "SQS queue is encrypted"
# description: "Messages at rest should be encrypted with SQS managed keys or KMS."
# custom:
#   id: IACPAC_AWS_SQS_001
#   severity: low
#   resource_types: [aws_sqs_queue]
#   checkov: [CKV_AWS_27]
#   remediation: "Set sqs_managed_sse_enabled = true or kms_master_key_id."
#   fix:
#     set:
#       sqs_managed_sse_enabled: true
package iacpac.aws.sqs.queue_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_sqs_queue")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("SQS queue %s is not encrypted", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_master_key_id")

ok(rc) if tf.configured_value(rc, "sqs_managed_sse_enabled", true)
