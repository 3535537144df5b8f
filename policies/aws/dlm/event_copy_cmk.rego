# METADATA
# title: "DLM event-based cross-region copies use a customer managed key"
# description: "Cross-region snapshot copies should be encrypted with a key you control in the destination region. A policy whose first action copies across regions passes when its `encryption_configuration` sets `encrypted = true` (or `encryption = true`) and a `cmk_arn`."
# custom:
#   id: IACPAC_AWS_DLM_002
#   severity: low
#   resource_types: [aws_dlm_lifecycle_policy]
#   checkov: [CKV_AWS_254]
#   remediation: "Set cross_region_copy { encryption_configuration { encrypted = true, cmk_arn = aws_kms_key.<name>.arn } }."
package iacpac.aws.dlm.event_copy_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_dlm_lifecycle_policy")
	copy := first_action_copy(rc)
	not customer_key(rc, tf.block(copy, "encryption_configuration"))
	finding := {
		"address": rc.address,
		"message": sprintf("DLM policy %s copies snapshots across regions without a customer managed key", [rc.address]),
	}
}

# The cross_region_copy of the policy's first action (the one that decides).
first_action_copy(rc) := tf.blocks(tf.blocks(tf.block(tf.after(rc), "policy_details"), "action")[0], "cross_region_copy")[0]

# `encrypted` as the provider names it, or `encryption` as older configurations (and Checkov) write it.
encrypted(configuration) if configuration.encrypted == true

encrypted(configuration) if configuration.encryption == true

customer_key(rc, configuration) if {
	encrypted(configuration)
	tf.set_at(rc, ["policy_details", 0, "action", 0, "cross_region_copy", 0, "encryption_configuration", 0, "cmk_arn"])
}
