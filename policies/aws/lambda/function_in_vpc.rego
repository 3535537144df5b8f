# METADATA
# title: "Lambda function runs inside a VPC"
# description: "Functions attached to a VPC reach private resources without public endpoints and are subject to the VPC's network controls."
# custom:
#   id: IACPAC_AWS_LAMBDA_003
#   severity: low
#   resource_types: [aws_lambda_function]
#   checkov: [CKV_AWS_117]
#   remediation: "Add vpc_config { subnet_ids = [...], security_group_ids = [...] }."
package iacpac.aws.lambda.function_in_vpc

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_lambda_function")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Lambda function %s is not configured inside a VPC", [rc.address]),
	}
}

ok(rc) if tf.configured(rc, "vpc_config")
