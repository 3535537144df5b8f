# METADATA
# title: "Lambda function is not invokable by everyone"
# description: "A permission with `principal = \"*\"` lets any AWS account invoke the function."
# custom:
#   id: IACPAC_AWS_LAMBDA_009
#   severity: low
#   resource_types: [aws_lambda_permission]
#   checkov: [CKV_AWS_301]
#   remediation: "Name the calling service or account as principal."
package iacpac.aws.lambda.permission_not_public

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_lambda_permission")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Lambda permission %s lets anyone invoke the function", [rc.address]),
	}
}

ok(rc) if tf.after(rc).principal != "*"
