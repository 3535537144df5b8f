# METADATA
# title: "Image Builder recipe encrypts EBS volumes with a customer managed key"
# description: "The volumes an image recipe defines become the volumes of the built image. Every `block_device_mapping.ebs` must set `encrypted = true` and a `kms_key_id`."
# custom:
#   id: IACPAC_AWS_IMAGEBUILDER_003
#   severity: low
#   resource_types: [aws_imagebuilder_image_recipe]
#   checkov: [CKV_AWS_200]
#   remediation: "Set encrypted = true and kms_key_id in every block_device_mapping.ebs of the recipe."
package iacpac.aws.imagebuilder.recipe_ebs_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_imagebuilder_image_recipe")
	some i, mapping in tf.blocks(tf.after(rc), "block_device_mapping")
	some j, ebs in tf.blocks(mapping, "ebs")
	not protected(rc, ebs, ["block_device_mapping", i, "ebs", j, "kms_key_id"])
	finding := {
		"address": rc.address,
		"message": sprintf("Image Builder recipe %s has an EBS volume without customer managed key encryption", [rc.address]),
	}
}

protected(rc, ebs, key_path) if {
	tf.is_true(ebs.encrypted)
	tf.set_at(rc, key_path)
}

protected(rc, ebs, key_path) if {
	ebs.encrypted == "true"
	tf.set_at(rc, key_path)
}
