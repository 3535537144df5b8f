# METADATA
# title: "SSM parameter is a SecureString"
# description: "String and StringList parameters are stored and shown in clear text; anything secret belongs in a KMS-encrypted SecureString. Parameters whose `type` is not SecureString fail."
# custom:
#   id: IACPAC_AWS_SSM_005
#   severity: low
#   resource_types: [aws_ssm_parameter]
#   checkov: [CKV2_AWS_34]
#   remediation: "Set type = \"SecureString\" (with a key_id) on the aws_ssm_parameter."
package iacpac.aws.ssm.parameter_secure_string

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_ssm_parameter")
	tf.after(rc).type != "SecureString"
	finding := {
		"address": rc.address,
		"message": sprintf("SSM parameter %s is not a SecureString", [rc.address]),
	}
}
