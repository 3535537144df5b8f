# METADATA
# title: "CloudWatch log group sets a retention period"
# description: "Without `retention_in_days` logs are kept forever, which costs money and keeps data beyond its purpose."
# custom:
#   id: IACPAC_AWS_CLOUDWATCH_003
#   severity: low
#   resource_types: [aws_cloudwatch_log_group]
#   checkov: [CKV_AWS_66]
#   remediation: "Set retention_in_days on the aws_cloudwatch_log_group."
#   fix:
#     set:
#       retention_in_days: 365
package iacpac.aws.cloudwatch.log_group_retention

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_cloudwatch_log_group")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CloudWatch log group %s has no retention period", [rc.address]),
	}
}

ok(rc) if tf.configured(rc, "retention_in_days")
