# METADATA
# title: "Lambda environment variables do not contain AWS access keys"
# description: "Environment variables are shown in the console and returned by GetFunctionConfiguration; AWS access keys placed there leak to anyone who can read the function. The execution role already provides credentials."
# custom:
#   id: IACPAC_AWS_LAMBDA_011
#   severity: medium
#   resource_types: [aws_lambda_function]
#   checkov: [CKV_AWS_45]
#   remediation: "Remove the keys; grant the permissions to the function execution role, and keep other secrets in Secrets Manager."
package iacpac.aws.lambda.environment_no_secrets

import rego.v1

import data.iacpac.lib.terraform as tf

aws_key := `(A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)[A-Z0-9]{16}`

deny contains finding if {
	some rc in tf.resources("aws_lambda_function")
	some environment in tf.blocks(tf.after(rc), "environment")
	some name, value in object.get(environment, "variables", {})
	is_string(value)
	regex.match(aws_key, value)
	finding := {
		"address": rc.address,
		"message": sprintf("Lambda function %s has an AWS access key in environment variable %s", [rc.address, name]),
	}
}
