# METADATA
# title: "API Gateway stage authenticates to its backend with a client certificate"
# description: "A client certificate lets the backend verify that requests come from API Gateway and not from someone calling it directly. REST API stages and HTTP API stages pass when they set `client_certificate_id`; HTTP (v2) stages of a non-WebSocket API, or without an API in the configuration, pass too, since only REST and WebSocket stages can use one."
# custom:
#   id: IACPAC_AWS_APIGATEWAY_015
#   severity: low
#   resource_types: [aws_api_gateway_stage, aws_apigatewayv2_stage]
#   checkov: [CKV2_AWS_51]
#   remediation: "Create an aws_api_gateway_client_certificate and set client_certificate_id on the stage; have the backend verify it."
package iacpac.aws.apigateway.stage_client_certificate

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_api_gateway_stage", "aws_apigatewayv2_stage"]
	some stage in tf.resources(resource_type)
	not tf.set(stage, "client_certificate_id")
	not exempt(stage)
	finding := {
		"address": stage.address,
		"message": sprintf("API Gateway stage %s does not use a client certificate", [stage.address]),
	}
}

# An HTTP API (v2) stage: only WebSocket APIs take a client certificate.
exempt(stage) if {
	stage.type == "aws_apigatewayv2_stage"
	count(tf.connected_resources(stage, "aws_apigatewayv2_api")) == 0
}

exempt(stage) if {
	stage.type == "aws_apigatewayv2_stage"
	some api in tf.connected_resources(stage, "aws_apigatewayv2_api")
	object.get(tf.after(api), "protocol_type", "") != "WEBSOCKET"
}
