# METADATA
# title: "EBS volume is encrypted"
# description: "An unencrypted volume exposes its data through snapshots and at the storage layer."
# custom:
#   id: IACPAC_AWS_EC2_012
#   severity: high
#   resource_types: [aws_ebs_volume]
#   checkov: [CKV_AWS_3]
#   remediation: "Set encrypted = true on the aws_ebs_volume (optionally with kms_key_id)."
package iacpac.aws.ec2.ebs_volume_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_ebs_volume")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("EBS volume %s is not encrypted", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "encrypted", true)
