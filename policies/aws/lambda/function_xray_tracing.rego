# METADATA
# title: "Lambda function has X-Ray tracing"
# description: "X-Ray tracing records each invocation and its downstream calls, which helps investigate errors and abuse."
# custom:
#   id: IACPAC_AWS_LAMBDA_005
#   severity: low
#   resource_types: [aws_lambda_function]
#   checkov: [CKV_AWS_50]
#   remediation: "Add tracing_config { mode = \"Active\" } (or \"PassThrough\")."
package iacpac.aws.lambda.function_xray_tracing

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_lambda_function")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Lambda function %s does not enable X-Ray tracing", [rc.address]),
	}
}

ok(rc) if {
	tf.configured(rc, "tracing_config")
	tf.block(tf.after(rc), "tracing_config").mode in {"Active", "PassThrough"}
}

ok(rc) if {
	tf.configured(rc, "tracing_config")
	tf.block(tf.unknown(rc), "tracing_config").mode == true
}
