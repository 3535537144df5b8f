# METADATA
# title: "CloudWatch alarm actions are enabled"
# description: "An alarm with `actions_enabled = false` changes state without notifying anyone or triggering its remediation. Alarms fail when they turn actions off; actions are on by default."
# custom:
#   id: IACPAC_AWS_CLOUDWATCH_004
#   severity: medium
#   resource_types: [aws_cloudwatch_metric_alarm]
#   checkov: [CKV_AWS_319]
#   remediation: "Remove actions_enabled = false from the aws_cloudwatch_metric_alarm (or set it to true)."
package iacpac.aws.cloudwatch.alarm_actions_enabled

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_cloudwatch_metric_alarm")
	tf.after(rc).actions_enabled == false
	finding := {
		"address": rc.address,
		"message": sprintf("CloudWatch alarm %s has its actions turned off", [rc.address]),
	}
}
