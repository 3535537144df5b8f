# METADATA
# title: "Copied AMI is encrypted"
# description: "Copying an AMI is the point where its snapshots can be encrypted. An `aws_ami_copy` passes when it sets `encrypted = true`."
# custom:
#   id: IACPAC_AWS_EC2_023
#   severity: low
#   resource_types: [aws_ami_copy]
#   checkov: [CKV_AWS_235]
#   remediation: "Set encrypted = true (and kms_key_id) on the aws_ami_copy."
package iacpac.aws.ec2.ami_copy_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_ami_copy"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("AMI copy %s is not encrypted", [rc.address]),
	}
}

ok(rc) if tf.after(rc).encrypted == true

ok(rc) if {
	tf.configured(rc, "encrypted")
	tf.unknown(rc).encrypted == true
}
