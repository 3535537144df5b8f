# METADATA
# title: "EventBridge Scheduler schedule uses a customer managed key"
# description: "A schedule stores its target input, which can hold sensitive data; with a customer managed key (`kms_key_arn`) access to it is governed by the key policy."
# custom:
#   id: IACPAC_AWS_SCHEDULER_001
#   severity: high
#   resource_types: [aws_scheduler_schedule]
#   checkov: [CKV_AWS_297]
#   remediation: "Set kms_key_arn on the aws_scheduler_schedule."
package iacpac.aws.scheduler.schedule_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_scheduler_schedule"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("EventBridge schedule %s is not encrypted with a customer managed key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_arn")
