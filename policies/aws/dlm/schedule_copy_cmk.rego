# METADATA
# title: "DLM scheduled cross-region copies use a customer managed key"
# description: "Cross-region snapshot copies should be encrypted with a key you control in the destination region: each `cross_region_copy_rule` must set `encrypted = true` and a `cmk_arn` (the first schedule with copy rules decides)."
# custom:
#   id: IACPAC_AWS_DLM_004
#   severity: low
#   resource_types: [aws_dlm_lifecycle_policy]
#   checkov: [CKV_AWS_256]
#   remediation: "Set encrypted = true and cmk_arn = aws_kms_key.<name>.arn in every cross_region_copy_rule."
package iacpac.aws.dlm.schedule_copy_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_dlm_lifecycle_policy")
	schedules := tf.blocks(tf.block(tf.after(rc), "policy_details"), "schedule")
	i := first_copying_schedule(schedules)
	some j, rule in tf.blocks(schedules[i], "cross_region_copy_rule")
	not customer_key(rc, rule, ["policy_details", 0, "schedule", i, "cross_region_copy_rule", j, "cmk_arn"])
	finding := {
		"address": rc.address,
		"message": sprintf("DLM policy %s copies scheduled snapshots across regions without a customer managed key", [rc.address]),
	}
}

# The index of the first schedule with cross-region copy rules (the one that decides).
first_copying_schedule(schedules) := min([i | some i, schedule in schedules; count(tf.blocks(schedule, "cross_region_copy_rule")) > 0])

customer_key(rc, rule, key_path) if {
	rule.encrypted == true
	tf.set_at(rc, key_path)
}
