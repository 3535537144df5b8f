# METADATA
# title: "Lambda function URL does not allow any origin with any method"
# description: "A function URL whose CORS configuration allows every origin and every method lets any web page call the function from a visitor's browser. A function fails when a connected `aws_lambda_function_url` allows origin \"*\" and method \"*\"."
# custom:
#   id: IACPAC_AWS_LAMBDA_012
#   severity: medium
#   resource_types: [aws_lambda_function]
#   checkov: [CKV2_AWS_75]
#   remediation: "List the allowed origins (and methods) in the function URL's cors block."
package iacpac.aws.lambda.function_url_cors

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some fn in tf.resources("aws_lambda_function")
	some url in tf.connected_resources(fn, "aws_lambda_function_url")
	some cors in tf.blocks(tf.after(url), "cors")
	"*" in object.get(cors, "allow_origins", [])
	"*" in object.get(cors, "allow_methods", [])
	finding := {
		"address": fn.address,
		"message": sprintf("Lambda function %s has a URL that allows any origin and method", [fn.address]),
	}
}
