# METADATA
# title: "API Gateway stage logs executions at INFO or ERROR level with metrics"
# description: "Execution logs and CloudWatch metrics are how failing or abused API methods are noticed. A REST API stage passes when an `aws_api_gateway_method_settings` connected to it sets `logging_level` to INFO or ERROR and `metrics_enabled = true`."
# custom:
#   id: IACPAC_AWS_APIGATEWAY_013
#   severity: low
#   resource_types: [aws_api_gateway_stage]
#   checkov: [CKV2_AWS_4]
#   remediation: "Add an aws_api_gateway_method_settings for the stage with settings { logging_level = \"INFO\", metrics_enabled = true }."
package iacpac.aws.apigateway.stage_logging_level

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some stage in tf.resources("aws_api_gateway_stage")
	not logged(stage)
	finding := {
		"address": stage.address,
		"message": sprintf("API Gateway stage %s has no method settings with INFO/ERROR logging and metrics", [stage.address]),
	}
}

logged(stage) if {
	some method_settings in tf.connected_resources(stage, "aws_api_gateway_method_settings")
	settings := tf.block(tf.after(method_settings), "settings")
	settings.logging_level in {"ERROR", "INFO"}
	settings.metrics_enabled == true
}
