# METADATA
# title: "AMI block devices are encrypted"
# description: "Every EBS volume launched from an AMI inherits the encryption of its block device mapping. Each `ebs_block_device` of an `aws_ami` must set `encrypted = true`, unless it is created from a snapshot (`snapshot_id`), whose own encryption then applies."
# custom:
#   id: IACPAC_AWS_EC2_021
#   severity: low
#   resource_types: [aws_ami]
#   checkov: [CKV_AWS_204]
#   remediation: "Set encrypted = true (ideally with a kms_key_id) on every ebs_block_device of the AMI, or build it from encrypted snapshots."
package iacpac.aws.ec2.ami_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some ami in tf.resources("aws_ami")
	some device in tf.blocks(tf.after(ami), "ebs_block_device")
	tf.empty(object.get(device, "snapshot_id", null))
	not device.encrypted == true
	not unknown_encryption(ami)
	finding := {
		"address": ami.address,
		"message": sprintf("AMI %s has an unencrypted block device", [ami.address]),
	}
}

unknown_encryption(ami) if tf.unknown(ami).ebs_block_device == true
