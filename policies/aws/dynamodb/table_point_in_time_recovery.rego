# METADATA
# title: "DynamoDB table has point-in-time recovery"
# description: "Point-in-time recovery keeps continuous backups for 35 days, so a bad write or delete can be rolled back."
# custom:
#   id: IACPAC_AWS_DYNAMODB_001
#   severity: high
#   resource_types: [aws_dynamodb_table]
#   checkov: [CKV_AWS_28]
#   remediation: "Add point_in_time_recovery { enabled = true }."
#   fix:
#     set:
#       point_in_time_recovery.enabled: true
package iacpac.aws.dynamodb.table_point_in_time_recovery

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_dynamodb_table")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("DynamoDB table %s does not enable point-in-time recovery", [rc.address]),
	}
}

ok(rc) if {
	tf.configured(rc, "point_in_time_recovery")
	tf.block(tf.after(rc), "point_in_time_recovery").enabled == true
}

ok(rc) if {
	tf.configured(rc, "point_in_time_recovery")
	tf.block(tf.unknown(rc), "point_in_time_recovery").enabled == true
}
