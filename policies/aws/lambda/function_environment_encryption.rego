# METADATA
# title: "Lambda environment variables are encrypted with a customer key"
# description: "Environment variables often hold configuration secrets; a function with an `environment` block should encrypt it with a customer managed key (`kms_key_arn`, not empty). The key and the environment go together: a function that sets `kms_key_arn` without an `environment` block fails too, because the provider then keeps planning a change it never applies."
# custom:
#   id: IACPAC_AWS_LAMBDA_006
#   severity: low
#   resource_types: [aws_lambda_function]
#   checkov: [CKV_AWS_173]
#   remediation: "Set kms_key_arn to a customer managed aws_kms_key on functions with environment variables, and drop it from functions without them."
package iacpac.aws.lambda.function_environment_encryption

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_lambda_function")
	tf.configured(rc, "environment")
	not has_key(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Lambda function %s has environment variables but no customer managed key to encrypt them", [rc.address]),
	}
}

deny contains finding if {
	some rc in tf.resources("aws_lambda_function")
	not tf.configured(rc, "environment")
	tf.configured(rc, "kms_key_arn")
	finding := {
		"address": rc.address,
		"message": sprintf("Lambda function %s sets kms_key_arn without an environment block", [rc.address]),
	}
}

has_key(rc) if {
	tf.configured(rc, "kms_key_arn")
	not tf.expressions(rc).kms_key_arn.constant_value == ""
}
