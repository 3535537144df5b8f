# METADATA
# title: "Terraform does not send SecureString parameters to other sites"
# description: "An `http` data source whose request uses a SecureString parameter (typically in its URL) sends the secret to that site every time Terraform plans. Such data sources fail."
# custom:
#   id: IACPAC_AWS_SSM_006
#   severity: low
#   resource_types: [http]
#   checkov: [CKV2_AWS_36]
#   remediation: "Do not pass secrets to http data sources; fetch them inside the service that needs them instead."
package iacpac.aws.ssm.secure_parameter_not_sent_over_http

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some request in tf.data_sources("http")
	some parameter in tf.connected_resources(request, "aws_ssm_parameter")
	tf.after(parameter).type == "SecureString"
	finding := {
		"address": request.address,
		"message": sprintf("%s sends the SecureString parameter %s to another site", [request.address, parameter.address]),
	}
}
