# METADATA
# title: "Copied AMI is encrypted with a customer managed key"
# description: "With a customer managed KMS key the key policy decides who can launch or share the copied AMI, and its use is audited. An `aws_ami_copy` passes when it sets `kms_key_id`."
# custom:
#   id: IACPAC_AWS_EC2_024
#   severity: low
#   resource_types: [aws_ami_copy]
#   checkov: [CKV_AWS_236]
#   remediation: "Set kms_key_id to a customer managed aws_kms_key on the aws_ami_copy."
package iacpac.aws.ec2.ami_copy_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_ami_copy"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("AMI copy %s is not encrypted with a customer managed key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_id")
