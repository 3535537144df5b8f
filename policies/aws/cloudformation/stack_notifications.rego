# METADATA
# title: "CloudFormation stack sends events to an SNS topic"
# description: "Stack event notifications tell operators when a stack is created, updated, rolled back or deleted, including changes made outside the usual pipeline. The stack passes when it sets `notification_arns`."
# custom:
#   id: IACPAC_AWS_CLOUDFORMATION_001
#   severity: low
#   resource_types: [aws_cloudformation_stack]
#   checkov: [CKV_AWS_124]
#   remediation: "Set notification_arns = [aws_sns_topic.<name>.arn] on the aws_cloudformation_stack."
package iacpac.aws.cloudformation.stack_notifications

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_cloudformation_stack"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CloudFormation stack %s sends no event notifications", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "notification_arns")
