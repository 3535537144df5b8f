# METADATA
# title: "Firehose delivery stream is encrypted with a customer managed key"
# description: "Server-side encryption should use a customer managed KMS key (`key_type = \"CUSTOMER_MANAGED_CMK\"`)."
# custom:
#   id: IACPAC_AWS_KINESIS_005
#   severity: low
#   resource_types: [aws_kinesis_firehose_delivery_stream]
#   checkov: [CKV_AWS_241]
#   remediation: "Add server_side_encryption { enabled = true, key_type = \"CUSTOMER_MANAGED_CMK\", key_arn = aws_kms_key.<name>.arn }."
package iacpac.aws.kinesis.firehose_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_kinesis_firehose_delivery_stream")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Firehose delivery stream %s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}

ok(rc) if {
	sse := tf.block(tf.after(rc), "server_side_encryption")
	sse.enabled == true
	sse.key_type == "CUSTOMER_MANAGED_CMK"
	tf.block_set(rc, "server_side_encryption", "key_arn")
}
