# METADATA
# title: "API Gateway stage has X-Ray tracing"
# description: "Tracing requests through API Gateway and its integrations helps investigate errors and abuse."
# custom:
#   id: IACPAC_AWS_APIGATEWAY_003
#   severity: low
#   resource_types: [aws_api_gateway_stage]
#   checkov: [CKV_AWS_73]
#   remediation: "Set xray_tracing_enabled = true."
package iacpac.aws.apigateway.stage_xray

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_api_gateway_stage")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("API Gateway stage %s does not enable X-Ray tracing", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "xray_tracing_enabled", true)
