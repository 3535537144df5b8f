# METADATA
# title: "Instance and launch configuration volumes are encrypted"
# description: "Unencrypted EBS volumes expose data in snapshots and on the underlying hardware. Leaving `root_block_device` out (or writing it empty) creates a root volume without encryption, and no `root_block_device` or `ebs_block_device` may set `encrypted = false` (volumes restored from a snapshot inherit its encryption). A block that leaves `encrypted` out follows the account's EBS default encryption and passes."
# custom:
#   id: IACPAC_AWS_EC2_011
#   severity: info
#   resource_types: [aws_instance, aws_launch_configuration]
#   checkov: [CKV_AWS_8]
#   remediation: "Add root_block_device { encrypted = true } and set encrypted = true on each ebs_block_device."
#   fix:
#     set:
#       root_block_device.encrypted: true
#       ebs_block_device.encrypted: true
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

# An empty root_block_device block leaves encryption at the unencrypted default too.
unencrypted(rc) if tf.as_list(tf.expressions(rc).root_block_device)[0] == {}

unencrypted(rc) if {
	some key in ["root_block_device", "ebs_block_device"]
	some device in tf.blocks(tf.after(rc), key)
	device.encrypted == false
	tf.empty(object.get(device, "snapshot_id", null))
}
