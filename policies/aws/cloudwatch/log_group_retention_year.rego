# METADATA
# title: "CloudWatch log group keeps logs for at least a year"
# description: "Investigations often reach back months; keep logs for at least 365 days (`retention_in_days`), or 0 to never expire them."
# custom:
#   id: IACPAC_AWS_CLOUDWATCH_002
#   severity: info
#   resource_types: [aws_cloudwatch_log_group]
#   checkov: [CKV_AWS_338]
#   remediation: "Set retention_in_days = 365 or more."
#   fix:
#     set:
#       retention_in_days: 365
package iacpac.aws.cloudwatch.log_group_retention_year

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_cloudwatch_log_group")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CloudWatch log group %s keeps logs for less than a year", [rc.address]),
	}
}

ok(rc) if {
	tf.configured(rc, "retention_in_days")
	tf.after(rc).retention_in_days >= 365
}

# 0 keeps events forever.
ok(rc) if tf.configured_value(rc, "retention_in_days", 0)

ok(rc) if {
	tf.configured(rc, "retention_in_days")
	tf.unknown(rc).retention_in_days == true
}
