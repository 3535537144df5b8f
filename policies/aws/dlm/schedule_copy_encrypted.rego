# METADATA
# title: "DLM scheduled cross-region copies are encrypted"
# description: "A schedule's `cross_region_copy_rule` copies snapshots to another region; each rule must set `encrypted = true` (the first schedule with copy rules decides)."
# custom:
#   id: IACPAC_AWS_DLM_003
#   severity: low
#   resource_types: [aws_dlm_lifecycle_policy]
#   checkov: [CKV_AWS_255]
#   remediation: "Set encrypted = true (and cmk_arn) in every cross_region_copy_rule."
package iacpac.aws.dlm.schedule_copy_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_dlm_lifecycle_policy")
	some rule in first_copy_rules(rc)
	not rule.encrypted == true
	finding := {
		"address": rc.address,
		"message": sprintf("DLM policy %s copies scheduled snapshots across regions without encryption", [rc.address]),
	}
}

# The cross-region copy rules of the first schedule that has any.
first_copy_rules(rc) := rules[0] if {
	rules := [r |
		some schedule in tf.blocks(tf.block(tf.after(rc), "policy_details"), "schedule")
		r := tf.blocks(schedule, "cross_region_copy_rule")
		count(r) > 0
	]
	count(rules) > 0
}
