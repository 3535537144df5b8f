# METADATA
# title: "CloudTrail sends events to CloudWatch Logs"
# description: "Delivering events to CloudWatch Logs enables metric filters and alarms on API activity."
# custom:
#   id: IACPAC_AWS_CLOUDTRAIL_004
#   severity: info
#   resource_types: [aws_cloudtrail]
#   checkov: [CKV2_AWS_10]
#   remediation: "Set cloud_watch_logs_group_arn and cloud_watch_logs_role_arn."
package iacpac.aws.cloudtrail.trail_cloudwatch_logs

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_cloudtrail")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CloudTrail %s does not deliver to CloudWatch Logs", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "cloud_watch_logs_group_arn")
