# METADATA
# title: "Secrets Manager secret rotates at least every 90 days"
# description: "Rotation limits how long a leaked secret stays valid. The rotation passes when `rotation_rules` rotate after 90 days or fewer, or use a schedule expression that is a cron schedule or a rate of at most 90 days."
# custom:
#   id: IACPAC_AWS_SECRETSMANAGER_003
#   severity: high
#   resource_types: [aws_secretsmanager_secret_rotation]
#   checkov: [CKV_AWS_304]
#   remediation: "Set rotation_rules { automatically_after_days = 30 } (or a schedule_expression of rate(30 days))."
package iacpac.aws.secretsmanager.rotation_within_90_days

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_secretsmanager_secret_rotation")
	not frequent(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Secret rotation %s rotates less often than every 90 days", [rc.address]),
	}
}

frequent(rc) if {
	days := tf.block(tf.after(rc), "rotation_rules").automatically_after_days
	is_number(days)
	days <= 90
}

frequent(rc) if startswith(tf.block(tf.after(rc), "rotation_rules").schedule_expression, "cron(")

frequent(rc) if {
	expression := tf.block(tf.after(rc), "rotation_rules").schedule_expression
	parts := regex.find_all_string_submatch_n(`^rate\((\d+)\s+(days?|hours?|minutes?)\)`, expression, 1)[0]
	to_number(parts[1]) <= limit[trim_suffix(parts[2], "s")]
}

frequent(rc) if tf.unknown(rc).rotation_rules == true

limit := {"day": 90, "hour": 2160, "minute": 129600}
