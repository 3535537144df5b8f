# METADATA
# title: "API Gateway method requires authorization"
# description: "A method with `authorization = \"NONE\"` and no API key lets anyone call the backend. OPTIONS methods (CORS preflight) are not judged."
# custom:
#   id: IACPAC_AWS_APIGATEWAY_001
#   severity: low
#   resource_types: [aws_api_gateway_method]
#   checkov: [CKV_AWS_59]
#   remediation: "Set authorization to AWS_IAM, COGNITO_USER_POOLS or CUSTOM, or require an API key."
package iacpac.aws.apigateway.method_authorization

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_api_gateway_method")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("API Gateway method %s can be called without authorization", [rc.address]),
	}
}

ok(rc) if {
	tf.set(rc, "authorization")
	tf.after(rc).authorization != "NONE"
}

ok(rc) if tf.after(rc).http_method == "OPTIONS"

ok(rc) if not tf.configured(rc, "http_method")

ok(rc) if tf.after(rc).api_key_required == true
