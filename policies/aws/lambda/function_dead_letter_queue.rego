# METADATA
# title: "Lambda function has a dead-letter queue"
# description: "Asynchronous invocations that keep failing are dropped unless a dead-letter queue (SQS or SNS) keeps them for inspection and replay."
# custom:
#   id: IACPAC_AWS_LAMBDA_002
#   severity: low
#   resource_types: [aws_lambda_function]
#   checkov: [CKV_AWS_116]
#   remediation: "Add dead_letter_config { target_arn = aws_sqs_queue.dlq.arn }."
package iacpac.aws.lambda.function_dead_letter_queue

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_lambda_function")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Lambda function %s has no dead-letter queue", [rc.address]),
	}
}

ok(rc) if {
	some config in tf.blocks(tf.after(rc), "dead_letter_config")
	tf.block_set(rc, "dead_letter_config", "target_arn")
}
