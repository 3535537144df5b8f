# METADATA
# title: "API Gateway REST API is replaced with create_before_destroy"
# description: "When a change forces Terraform to replace a REST API, deleting it first takes every client of the API offline until the new one is deployed. `lifecycle { create_before_destroy = true }` creates the replacement first. The lifecycle block is read from the configuration (the scanner's `iacpac.lifecycle` input); plan JSON files from Terraform do not carry it, so the policy reports nothing on them."
# custom:
#   id: IACPAC_AWS_APIGATEWAY_008
#   severity: low
#   resource_types: [aws_api_gateway_rest_api]
#   checkov: [CKV_AWS_237]
#   remediation: "Add lifecycle { create_before_destroy = true } to the aws_api_gateway_rest_api."
package iacpac.aws.apigateway.rest_api_create_before_destroy

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_api_gateway_rest_api")
	lifecycle := tf.lifecycle(rc)
	not create_before_destroy(lifecycle)
	finding := {
		"address": rc.address,
		"message": sprintf("%s is not replaced with create_before_destroy", [rc.address]),
	}
}

create_before_destroy(lifecycle) if lifecycle.create_before_destroy.constant_value == true

# Written with a value known only from variables: not judged.
create_before_destroy(lifecycle) if object.get(lifecycle.create_before_destroy, "constant_value", null) == null
