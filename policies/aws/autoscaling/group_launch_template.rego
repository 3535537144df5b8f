# METADATA
# title: "Auto Scaling group uses a launch template"
# description: "Launch configurations are deprecated and lack newer settings such as IMDSv2 defaults; use launch templates."
# custom:
#   id: IACPAC_AWS_AUTOSCALING_002
#   severity: medium
#   resource_types: [aws_autoscaling_group]
#   checkov: [CKV_AWS_315]
#   remediation: "Replace launch_configuration with a launch_template block."
package iacpac.aws.autoscaling.group_launch_template

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_autoscaling_group")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Auto Scaling group %s uses a launch configuration instead of a launch template", [rc.address]),
	}
}

ok(rc) if count(tf.blocks(tf.after(rc), "launch_template")) > 0

ok(rc) if count(tf.blocks(tf.after(rc), "mixed_instances_policy")) > 0
