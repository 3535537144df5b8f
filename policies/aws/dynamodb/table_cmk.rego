# METADATA
# title: "DynamoDB table is encrypted with a customer managed key"
# description: "Tables are encrypted with an AWS owned key unless server-side encryption names a customer managed key, which puts access to the data under a key policy you control."
# custom:
#   id: IACPAC_AWS_DYNAMODB_002
#   severity: info
#   resource_types: [aws_dynamodb_table]
#   checkov: [CKV_AWS_119]
#   remediation: "Add server_side_encryption { enabled = true, kms_key_arn = aws_kms_key.<name>.arn }."
package iacpac.aws.dynamodb.table_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_dynamodb_table")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("DynamoDB table %s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}

ok(rc) if {
	sse := tf.block(tf.after(rc), "server_side_encryption")
	sse.enabled == true
	tf.block_set(rc, "server_side_encryption", "kms_key_arn")
}
