# METADATA
# title: "Instance and launch configuration volumes are encrypted"
# description: "Unencrypted EBS volumes expose data in snapshots and on the underlying hardware. Every `root_block_device` and `ebs_block_device` must set `encrypted = true` (volumes restored from a snapshot inherit its encryption); leaving `root_block_device` out creates an unencrypted root volume."
# custom:
#   id: IACPAC_AWS_EC2_011
#   severity: info
#   resource_types: [aws_instance, aws_launch_configuration]
#   checkov: [CKV_AWS_8]
#   remediation: "Add root_block_device { encrypted = true } and set encrypted = true on each ebs_block_device."
package iacpac.aws.ec2.instance_ebs_encryption

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_instance", "aws_launch_configuration"}
	some rc in tf.resources(resource_type)
	unencrypted(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("%s has an unencrypted EBS volume", [rc.address]),
	}
}

unencrypted(rc) if not tf.configured(rc, "root_block_device")

unencrypted(rc) if {
	some key in ["root_block_device", "ebs_block_device"]
	some i, device in tf.blocks(tf.after(rc), key)
	not device.encrypted == true
	not written_unknown(rc, key, i)
	tf.empty(object.get(device, "snapshot_id", null))
}

# `encrypted` is written in the configuration but only known at apply time (e.g. a variable of another resource).
written_unknown(rc, key, i) if {
	tf.blocks(tf.unknown(rc), key)[i].encrypted == true
	tf.as_list(tf.expressions(rc)[key])[i].encrypted
}
