# METADATA
# title: "Firehose delivery stream is encrypted"
# description: "Direct-put delivery streams should enable server-side encryption; streams fed by a Kinesis stream inherit its encryption and are not judged."
# custom:
#   id: IACPAC_AWS_KINESIS_004
#   severity: low
#   resource_types: [aws_kinesis_firehose_delivery_stream]
#   checkov: [CKV_AWS_240]
#   remediation: "Add server_side_encryption { enabled = true }."
#   fix:
#     set:
#       server_side_encryption.enabled: true
package iacpac.aws.kinesis.firehose_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_kinesis_firehose_delivery_stream")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Firehose delivery stream %s is not encrypted", [rc.address]),
	}
}

ok(rc) if count(tf.blocks(tf.after(rc), "kinesis_source_configuration")) > 0

ok(rc) if tf.block(tf.after(rc), "server_side_encryption").enabled == true
