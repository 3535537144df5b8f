# METADATA
# title: "API Gateway deployment is replaced with create_before_destroy"
# description: "A stage points at one deployment; when Terraform replaces the deployment by deleting it first, the API returns errors (or the delete fails while a stage still uses it). `lifecycle { create_before_destroy = true }` creates the new deployment before the old one goes. The lifecycle block is read from the configuration (the scanner's `iacpac.lifecycle` input); plan JSON files from Terraform do not carry it, so the policy reports nothing on them."
# custom:
#   id: IACPAC_AWS_APIGATEWAY_007
#   severity: low
#   resource_types: [aws_api_gateway_deployment]
#   checkov: [CKV_AWS_217]
#   remediation: "Add lifecycle { create_before_destroy = true } to the aws_api_gateway_deployment."
package iacpac.aws.apigateway.deployment_create_before_destroy

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_api_gateway_deployment")
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
