# METADATA
# title: "MQ broker is encrypted with a customer managed key"
# description: "Broker storage should be encrypted with a customer managed KMS key."
# custom:
#   id: IACPAC_AWS_MQ_005
#   severity: low
#   resource_types: [aws_mq_broker]
#   checkov: [CKV_AWS_209]
#   remediation: "Add encryption_options { use_aws_owned_key = false, kms_key_id = aws_kms_key.<name>.arn }."
package iacpac.aws.mq.broker_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_mq_broker")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("MQ broker %s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}

ok(rc) if tf.block_set(rc, "encryption_options", "kms_key_id")
