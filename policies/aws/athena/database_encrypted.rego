# METADATA
# title: "Athena database encrypts its query results"
# description: "Athena writes query results for the database to S3; without an `encryption_configuration` they are stored unencrypted. The database passes when the block sets an `encryption_option`."
# custom:
#   id: IACPAC_AWS_ATHENA_001
#   severity: medium
#   resource_types: [aws_athena_database]
#   checkov: [CKV_AWS_77]
#   remediation: "Add encryption_configuration { encryption_option = \"SSE_KMS\", kms_key = <key arn> } to the aws_athena_database."
package iacpac.aws.athena.database_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_athena_database"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Athena database %s does not encrypt its query results", [rc.address]),
	}
}

ok(rc) if tf.block_set(rc, "encryption_configuration", "encryption_option")
