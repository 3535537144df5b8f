# METADATA
# title: "Glue Data Catalog is encrypted"
# description: "The Data Catalog holds table definitions and connection passwords. Its encryption settings pass when metadata is encrypted at rest with SSE-KMS and a key (`sse_aws_kms_key_id`), and connection passwords are returned encrypted with a key (`aws_kms_key_id`)."
# custom:
#   id: IACPAC_AWS_GLUE_002
#   severity: high
#   resource_types: [aws_glue_data_catalog_encryption_settings]
#   checkov: [CKV_AWS_94]
#   remediation: "Set encryption_at_rest { catalog_encryption_mode = \"SSE-KMS\", sse_aws_kms_key_id = ... } and connection_password_encryption { return_connection_password_encrypted = true, aws_kms_key_id = ... }."
package iacpac.aws.glue.data_catalog_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_glue_data_catalog_encryption_settings")
	not encrypted(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Glue Data Catalog encryption settings %s do not encrypt metadata and connection passwords", [rc.address]),
	}
}

encrypted(rc) if {
	some settings in tf.as_list(tf.expressions(rc).data_catalog_encryption_settings)
	some at_rest in tf.as_list(settings.encryption_at_rest)
	at_rest.catalog_encryption_mode.constant_value == "SSE-KMS"
	at_rest.sse_aws_kms_key_id
	some passwords in tf.as_list(settings.connection_password_encryption)
	passwords.return_connection_password_encrypted.constant_value == true
	passwords.aws_kms_key_id
}
