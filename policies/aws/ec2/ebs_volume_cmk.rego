# METADATA
# title: "EBS volume is encrypted with a customer managed key"
# description: "A customer managed KMS key keeps control over who can decrypt the volume and its snapshots."
# custom:
#   id: IACPAC_AWS_EC2_013
#   severity: low
#   resource_types: [aws_ebs_volume]
#   checkov: [CKV_AWS_189]
#   remediation: "Set kms_key_id on the aws_ebs_volume to a customer managed aws_kms_key."
package iacpac.aws.ec2.ebs_volume_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_ebs_volume")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("EBS volume %s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_id")
