# METADATA
# title: "Image Builder component is encrypted with a customer managed key"
# description: "Components hold the build scripts (and often credentials they fetch) used to bake images; with a customer managed key (`kms_key_id`) access to them is governed by the key policy."
# custom:
#   id: IACPAC_AWS_IMAGEBUILDER_001
#   severity: low
#   resource_types: [aws_imagebuilder_component]
#   checkov: [CKV_AWS_180]
#   remediation: "Set kms_key_id on the aws_imagebuilder_component."
package iacpac.aws.imagebuilder.component_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_imagebuilder_component"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Image Builder component %s is not encrypted with a customer managed key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_id")
