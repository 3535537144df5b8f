# METADATA
# title: "API Gateway stage writes access logs"
# description: "Access logs record who called which route and with what result."
# custom:
#   id: IACPAC_AWS_APIGATEWAY_004
#   severity: low
#   resource_types: [aws_api_gateway_stage, aws_apigatewayv2_stage]
#   checkov: [CKV_AWS_76]
#   remediation: "Add access_log_settings { destination_arn = ..., format = ... }."
package iacpac.aws.apigateway.stage_access_logging

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_api_gateway_stage", "aws_apigatewayv2_stage"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("API Gateway stage %s does not write access logs", [rc.address]),
	}
}

ok(rc) if count(tf.blocks(tf.after(rc), "access_log_settings")) > 0
