# METADATA
# title: "API Gateway v2 route requires authorization"
# description: "Routes with `authorization_type = \"NONE\"` (the default) can be called by anyone."
# custom:
#   id: IACPAC_AWS_APIGATEWAY_006
#   severity: medium
#   resource_types: [aws_apigatewayv2_route]
#   checkov: [CKV_AWS_309]
#   remediation: "Set authorization_type to AWS_IAM, JWT or CUSTOM on the route."
package iacpac.aws.apigateway.v2_route_authorization

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_apigatewayv2_route")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("API Gateway route %s can be called without authorization", [rc.address]),
	}
}

ok(rc) if tf.after(rc).authorization_type in {"AWS_IAM", "JWT", "CUSTOM"}

ok(rc) if tf.after(rc).route_key == "OPTIONS"
