# METADATA
# title: "Lambda permission for a service names the source"
# description: "A permission that lets an AWS service invoke the function without `source_arn` or `source_account` lets that service act on behalf of any account (confused deputy)."
# custom:
#   id: IACPAC_AWS_LAMBDA_007
#   severity: high
#   resource_types: [aws_lambda_permission]
#   checkov: [CKV_AWS_364]
#   remediation: "Set source_arn (or source_account) on the aws_lambda_permission."
package iacpac.aws.lambda.permission_source_restricted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_lambda_permission")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Lambda permission %s lets a service invoke the function without naming the source", [rc.address]),
	}
}

ok(rc) if not endswith(object.get(tf.after(rc), "principal", ""), ".amazonaws.com")

ok(rc) if tf.set(rc, "source_arn")

ok(rc) if tf.set(rc, "source_account")
