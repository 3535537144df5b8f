# METADATA
# title: "Lambda function URL requires authentication"
# description: "A function URL with `authorization_type = \"NONE\"` lets anyone on the internet invoke the function."
# custom:
#   id: IACPAC_AWS_LAMBDA_008
#   severity: medium
#   resource_types: [aws_lambda_function_url]
#   checkov: [CKV_AWS_258]
#   remediation: "Set authorization_type = \"AWS_IAM\" on the aws_lambda_function_url."
package iacpac.aws.lambda.function_url_auth

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_lambda_function_url")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Lambda function URL %s allows unauthenticated invocation", [rc.address]),
	}
}

ok(rc) if tf.after(rc).authorization_type != "NONE"
