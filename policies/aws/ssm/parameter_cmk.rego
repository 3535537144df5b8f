# METADATA
# title: "SSM SecureString parameter uses a customer managed key"
# description: "SecureString parameters are encrypted with the AWS managed key unless key_id names a customer managed key."
# custom:
#   id: IACPAC_AWS_SSM_001
#   severity: high
#   resource_types: [aws_ssm_parameter]
#   checkov: [CKV_AWS_337]
#   remediation: "Set key_id on the SecureString parameter."
package iacpac.aws.ssm.parameter_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_ssm_parameter")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("SSM parameter %s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}

ok(rc) if tf.after(rc).type != "SecureString"

ok(rc) if tf.set(rc, "key_id")
