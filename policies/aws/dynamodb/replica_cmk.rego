# METADATA
# title: "DynamoDB table replica is encrypted with a customer managed key"
# description: "Replicas should be encrypted with a customer managed key in their region, like the source table."
# custom:
#   id: IACPAC_AWS_DYNAMODB_003
#   severity: high
#   resource_types: [aws_dynamodb_table_replica]
#   checkov: [CKV_AWS_271]
#   remediation: "Set kms_key_arn on the aws_dynamodb_table_replica."
package iacpac.aws.dynamodb.replica_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_dynamodb_table_replica")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("DynamoDB table replica %s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_arn")
