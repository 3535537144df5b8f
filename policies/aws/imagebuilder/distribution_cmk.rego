# METADATA
# title: "Image Builder distribution encrypts AMIs with a customer managed key"
# description: "The AMIs an Image Builder pipeline distributes carry everything baked into them; the first distribution's `ami_distribution_configuration` should encrypt them with a customer managed key (`kms_key_id`)."
# custom:
#   id: IACPAC_AWS_IMAGEBUILDER_002
#   severity: low
#   resource_types: [aws_imagebuilder_distribution_configuration]
#   checkov: [CKV_AWS_199]
#   remediation: "Set kms_key_id in distribution.ami_distribution_configuration."
package iacpac.aws.imagebuilder.distribution_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_imagebuilder_distribution_configuration")
	not tf.set_at(rc, ["distribution", 0, "ami_distribution_configuration", 0, "kms_key_id"])
	not tf.unknown(rc).distribution == true
	finding := {
		"address": rc.address,
		"message": sprintf("Image Builder distribution %s does not encrypt AMIs with a customer managed key", [rc.address]),
	}
}
