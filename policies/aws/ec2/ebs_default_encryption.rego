# METADATA
# title: "EBS encryption by default stays enabled"
# description: "Turning off default EBS encryption lets new volumes be created unencrypted."
# custom:
#   id: IACPAC_AWS_EC2_016
#   severity: low
#   resource_types: [aws_ebs_encryption_by_default]
#   checkov: [CKV_AWS_106]
#   remediation: "Set enabled = true on aws_ebs_encryption_by_default."
package iacpac.aws.ec2.ebs_default_encryption

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_ebs_encryption_by_default")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("%s disables EBS encryption by default", [rc.address]),
	}
}

ok(rc) if not tf.configured(rc, "enabled")

ok(rc) if not tf.after(rc).enabled == false
