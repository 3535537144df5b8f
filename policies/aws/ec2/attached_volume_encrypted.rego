# METADATA
# title: "EBS volumes attached to instances are encrypted"
# description: "A volume attached to an instance holds that instance's data. An `aws_ebs_volume` connected to an `aws_volume_attachment` must set `encrypted = true`; volumes that are not attached are not judged here."
# custom:
#   id: IACPAC_AWS_EC2_027
#   severity: low
#   resource_types: [aws_ebs_volume]
#   checkov: [CKV2_AWS_2]
#   remediation: "Set encrypted = true on the attached aws_ebs_volume (a new volume is needed; copy the data across)."
package iacpac.aws.ec2.attached_volume_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some volume in tf.resources("aws_ebs_volume")
	count(tf.connected_resources(volume, "aws_volume_attachment")) > 0
	not encrypted(volume)
	finding := {
		"address": volume.address,
		"message": sprintf("EBS volume %s is attached to an instance without encryption", [volume.address]),
	}
}

encrypted(volume) if tf.after(volume).encrypted == true

encrypted(volume) if {
	tf.configured(volume, "encrypted")
	tf.unknown(volume).encrypted == true
}
