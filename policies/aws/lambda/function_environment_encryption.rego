# METADATA
# title: "Lambda environment variables are encrypted with a customer key"
# description: "Environment variables often hold configuration secrets; a function that defines them should encrypt them with a customer managed key (`kms_key_arn`)."
# custom:
#   id: IACPAC_AWS_LAMBDA_006
#   severity: low
#   resource_types: [aws_lambda_function]
#   checkov: [CKV_AWS_173]
#   remediation: "Set kms_key_arn on the function to a customer managed aws_kms_key."
package iacpac.aws.lambda.function_environment_encryption

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_lambda_function")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Lambda function %s has environment variables but no customer managed key to encrypt them", [rc.address]),
	}
}

ok(rc) if not has_variables(rc)

ok(rc) if tf.set(rc, "kms_key_arn")

has_variables(rc) if {
	variables := tf.block(tf.after(rc), "environment").variables
	is_object(variables)
	count(variables) > 0
}

has_variables(rc) if tf.block_configured(rc, "environment", "variables")
