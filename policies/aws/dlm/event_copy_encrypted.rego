# METADATA
# title: "DLM event-based cross-region copies are encrypted"
# description: "Snapshots that a lifecycle policy copies to another region leave the source region's encryption settings behind. A policy whose first action copies across regions passes when its `encryption_configuration` sets `encrypted = true` (or `encryption = true`, as older configurations write it)."
# custom:
#   id: IACPAC_AWS_DLM_001
#   severity: low
#   resource_types: [aws_dlm_lifecycle_policy]
#   checkov: [CKV_AWS_253]
#   remediation: "Set cross_region_copy { encryption_configuration { encrypted = true, cmk_arn = ... } }."
package iacpac.aws.dlm.event_copy_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_dlm_lifecycle_policy")
	copy := first_action_copy(rc)
	not encrypted(tf.block(copy, "encryption_configuration"))
	finding := {
		"address": rc.address,
		"message": sprintf("DLM policy %s copies snapshots across regions without encryption", [rc.address]),
	}
}

# The cross_region_copy of the policy's first action (the one that decides).
first_action_copy(rc) := tf.blocks(tf.blocks(tf.block(tf.after(rc), "policy_details"), "action")[0], "cross_region_copy")[0]

# `encrypted` as the provider names it, or `encryption` as older configurations (and Checkov) write it.
encrypted(configuration) if configuration.encrypted == true

encrypted(configuration) if configuration.encryption == true
