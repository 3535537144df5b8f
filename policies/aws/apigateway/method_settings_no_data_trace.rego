# METADATA
# title: "API Gateway method settings do not log full requests and responses"
# description: "Data tracing writes whole request and response bodies to CloudWatch, including tokens and personal data, where anyone with log access can read them. Method settings that set `data_trace_enabled = true` fail."
# custom:
#   id: IACPAC_AWS_APIGATEWAY_011
#   severity: low
#   resource_types: [aws_api_gateway_method_settings]
#   checkov: [CKV_AWS_276]
#   remediation: "Remove data_trace_enabled = true from the settings (use INFO or ERROR execution logging instead)."
package iacpac.aws.apigateway.method_settings_no_data_trace

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_api_gateway_method_settings")
	tf.block(tf.after(rc), "settings").data_trace_enabled == true
	finding := {
		"address": rc.address,
		"message": sprintf("API Gateway method settings %s log full request and response data", [rc.address]),
	}
}
