# METADATA
# title: "API Gateway method validates requests"
# description: "A request validator rejects malformed requests before they reach the integration."
# custom:
#   id: IACPAC_AWS_APIGATEWAY_002
#   severity: low
#   resource_types: [aws_api_gateway_method]
#   checkov: [CKV2_AWS_53]
#   remediation: "Create an aws_api_gateway_request_validator and set request_validator_id on the method."
package iacpac.aws.apigateway.method_request_validation

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_api_gateway_method")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("API Gateway method %s does not validate requests", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "request_validator_id")
