# METADATA
# title: "Auto Scaling group tags the instances it launches"
# description: "Tags propagated to launched instances keep ownership and cost allocation on every instance."
# custom:
#   id: IACPAC_AWS_AUTOSCALING_001
#   severity: low
#   resource_types: [aws_autoscaling_group]
#   checkov: [CKV_AWS_153]
#   remediation: "Add tag { key = ..., value = ..., propagate_at_launch = true } blocks."
package iacpac.aws.autoscaling.group_tags

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_autoscaling_group")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Auto Scaling group %s does not tag the instances it launches", [rc.address]),
	}
}

ok(rc) if count(tf.blocks(tf.after(rc), "tag")) > 0

ok(rc) if count(object.get(tf.after(rc), "tags", [])) > 0

ok(rc) if tf.configured(rc, "tags")
