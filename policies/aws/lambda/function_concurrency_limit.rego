# METADATA
# title: "Lambda function has a concurrency limit"
# description: "Reserved concurrency caps how many copies of the function can run at once, so a burst or a loop cannot exhaust the account's concurrency or run up cost. The limit has to be written in the configuration."
# custom:
#   id: IACPAC_AWS_LAMBDA_001
#   severity: low
#   resource_types: [aws_lambda_function]
#   checkov: [CKV_AWS_115]
#   remediation: "Set reserved_concurrent_executions on the aws_lambda_function."
package iacpac.aws.lambda.function_concurrency_limit

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_lambda_function")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Lambda function %s has no function-level concurrency limit", [rc.address]),
	}
}

# -1 is the provider's "no reservation" value.
ok(rc) if {
	tf.configured(rc, "reserved_concurrent_executions")
	not tf.after(rc).reserved_concurrent_executions == -1
}
