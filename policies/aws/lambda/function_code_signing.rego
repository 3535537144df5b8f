# METADATA
# title: "Lambda function validates code signatures"
# description: "A code signing configuration makes Lambda reject deployment packages that were not signed by a trusted profile."
# custom:
#   id: IACPAC_AWS_LAMBDA_004
#   severity: high
#   resource_types: [aws_lambda_function]
#   checkov: [CKV_AWS_272]
#   remediation: "Create an aws_lambda_code_signing_config and set code_signing_config_arn."
package iacpac.aws.lambda.function_code_signing

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_lambda_function")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Lambda function %s does not enforce code signing", [rc.address]),
	}
}

ok(rc) if tf.configured(rc, "code_signing_config_arn")
