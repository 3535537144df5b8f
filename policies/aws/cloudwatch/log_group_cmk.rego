# METADATA
# title: "CloudWatch log group is encrypted with KMS"
# description: "Log groups are encrypted with a service key unless a KMS key is set; a customer key controls who can read the logs."
# custom:
#   id: IACPAC_AWS_CLOUDWATCH_001
#   severity: low
#   resource_types: [aws_cloudwatch_log_group]
#   checkov: [CKV_AWS_158]
#   remediation: "Set kms_key_id on the aws_cloudwatch_log_group."
package iacpac.aws.cloudwatch.log_group_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_cloudwatch_log_group")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CloudWatch log group %s is not encrypted with a KMS key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_id")
