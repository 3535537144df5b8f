# METADATA
# title: "Comprehend entity recognizer model is encrypted with a customer managed key"
# description: "A trained custom model embeds what it learnt from the training documents; with a customer managed key (`model_kms_key_id`) access to it is governed by the key policy."
# custom:
#   id: IACPAC_AWS_COMPREHEND_001
#   severity: high
#   resource_types: [aws_comprehend_entity_recognizer]
#   checkov: [CKV_AWS_267]
#   remediation: "Set model_kms_key_id on the aws_comprehend_entity_recognizer."
package iacpac.aws.comprehend.entity_recognizer_model_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_comprehend_entity_recognizer"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Comprehend entity recognizer %s does not encrypt its model with a customer managed key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "model_kms_key_id")
