# METADATA
# title: "Provisioned DynamoDB table scales automatically"
# description: "A table with provisioned capacity should be registered with Application Auto Scaling (a scalable target with a scaling policy) so that it neither throttles nor over-provisions; on-demand (`PAY_PER_REQUEST`) tables pass."
# custom:
#   id: IACPAC_AWS_DYNAMODB_004
#   severity: info
#   resource_types: [aws_appautoscaling_target, aws_dynamodb_table]
#   checkov: [CKV2_AWS_16]
#   remediation: "Use billing_mode = \"PAY_PER_REQUEST\", or add an aws_appautoscaling_target (service_namespace = \"dynamodb\") and aws_appautoscaling_policy for the table."
package iacpac.aws.dynamodb.table_autoscaling

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some table in tf.resources("aws_dynamodb_table")
	not tf.after(table).billing_mode == "PAY_PER_REQUEST"
	not autoscaled(table)
	finding := {
		"address": table.address,
		"message": sprintf("DynamoDB table %s uses provisioned capacity without auto scaling", [table.address]),
	}
}

autoscaled(table) if {
	tf.after(table).billing_mode == "PROVISIONED"
	some target in tf.connected_resources(table, "aws_appautoscaling_target")
	tf.after(target).service_namespace == "dynamodb"
	count(tf.connected_resources(target, "aws_appautoscaling_policy")) > 0
}
