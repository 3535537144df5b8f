# METADATA
# title: "Glue security configuration encrypts logs, bookmarks and S3 data"
# description: "A security configuration protects three kinds of output. It passes when CloudWatch logs use SSE-KMS with a key, job bookmarks use CSE-KMS with a key, and S3 encryption is not DISABLED."
# custom:
#   id: IACPAC_AWS_GLUE_003
#   severity: high
#   resource_types: [aws_glue_security_configuration]
#   checkov: [CKV_AWS_99]
#   remediation: "Set cloudwatch_encryption { cloudwatch_encryption_mode = \"SSE-KMS\", kms_key_arn = ... }, job_bookmarks_encryption { job_bookmarks_encryption_mode = \"CSE-KMS\", kms_key_arn = ... } and s3_encryption { s3_encryption_mode = \"SSE-KMS\", kms_key_arn = ... }."
package iacpac.aws.glue.security_configuration_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_glue_security_configuration")
	not encrypted(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Glue security configuration %s does not encrypt CloudWatch logs, job bookmarks and S3 data", [rc.address]),
	}
}

encrypted(rc) if {
	some configuration in tf.as_list(tf.expressions(rc).encryption_configuration)
	some cloudwatch in tf.as_list(configuration.cloudwatch_encryption)
	cloudwatch.cloudwatch_encryption_mode.constant_value == "SSE-KMS"
	cloudwatch.kms_key_arn
	some bookmarks in tf.as_list(configuration.job_bookmarks_encryption)
	bookmarks.job_bookmarks_encryption_mode.constant_value == "CSE-KMS"
	bookmarks.kms_key_arn
	some s3 in tf.as_list(configuration.s3_encryption)
	s3.s3_encryption_mode
	not s3.s3_encryption_mode.constant_value == "DISABLED"
}
