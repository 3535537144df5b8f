# METADATA
# title: "SQS queue KMS encryption does not use the AWS managed key"
# description: "A queue encrypted with KMS should use a customer managed key rather than the AWS managed alias/aws/sqs, whose key policy you cannot restrict. Queues that do not name a KMS key are judged by the encryption policy instead."
# custom:
#   id: IACPAC_AWS_SQS_002
#   severity: info
#   resource_types: [aws_sqs_queue]
#   checkov: [CKV2_AWS_73]
#   remediation: "Set kms_master_key_id to a customer managed aws_kms_key."
package iacpac.aws.sqs.queue_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_sqs_queue")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("SQS queue %s is encrypted with the AWS managed key alias/aws/sqs", [rc.address]),
	}
}

ok(rc) if not tf.after(rc).kms_master_key_id == "alias/aws/sqs"
