# METADATA
# title: "Comprehend entity recognizer training volumes use a customer managed key"
# description: "Training copies the documents onto storage volumes of the training instances; with a customer managed key (`volume_kms_key_id`) that data is encrypted under a key you control."
# custom:
#   id: IACPAC_AWS_COMPREHEND_002
#   severity: high
#   resource_types: [aws_comprehend_entity_recognizer]
#   checkov: [CKV_AWS_268]
#   remediation: "Set volume_kms_key_id on the aws_comprehend_entity_recognizer."
package iacpac.aws.comprehend.entity_recognizer_volume_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_comprehend_entity_recognizer"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Comprehend entity recognizer %s does not encrypt its training volumes with a customer managed key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "volume_kms_key_id")
