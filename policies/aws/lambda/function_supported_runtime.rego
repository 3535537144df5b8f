# METADATA
# title: "Lambda function does not use a deprecated runtime"
# description: "Deprecated runtimes no longer get security patches."
# custom:
#   id: IACPAC_AWS_LAMBDA_010
#   severity: medium
#   resource_types: [aws_lambda_function]
#   checkov: [CKV_AWS_363]
#   remediation: "Move the function to a supported runtime (e.g. python3.12, nodejs20.x, java21)."
package iacpac.aws.lambda.function_supported_runtime

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_lambda_function")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Lambda function %s uses a deprecated runtime", [rc.address]),
	}
}

deprecated := {
	"python2.7", "python3.6", "python3.7", "python3.8", "nodejs", "nodejs4.3", "nodejs4.3-edge", "nodejs6.10",
	"nodejs8.10", "nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x", "dotnetcore1.0", "dotnetcore2.0",
	"dotnetcore2.1", "dotnetcore3.1", "dotnet5.0", "dotnet6", "ruby2.5", "ruby2.7", "java8", "go1.x", "provided",
}

ok(rc) if not object.get(tf.after(rc), "runtime", null) in deprecated
