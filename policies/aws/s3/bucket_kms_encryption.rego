# METADATA
# title: "S3 bucket encrypts objects with KMS by default"
# description: "Default encryption with a KMS key (SSE-KMS or DSSE-KMS) gives key-level access control and an audit trail of key use, unlike S3-managed keys. The bucket passes when its inline `server_side_encryption_configuration` or a referencing `aws_s3_bucket_server_side_encryption_configuration` uses `aws:kms` or `aws:kms:dsse`."
# custom:
#   id: IACPAC_AWS_S3_003
#   severity: low
#   resource_types: [aws_s3_bucket, aws_s3_bucket_server_side_encryption_configuration]
#   checkov: [CKV_AWS_145]
#   remediation: "Add an aws_s3_bucket_server_side_encryption_configuration with apply_server_side_encryption_by_default { sse_algorithm = \"aws:kms\" }."
#   fix:
#     resource_types: [aws_s3_bucket]
#     resource:
#       type: aws_s3_bucket_server_side_encryption_configuration
#       body: |
#         bucket = {{resource}}.id
#
#         rule {
#           apply_server_side_encryption_by_default {
#             sse_algorithm = "aws:kms"
#           }
#           bucket_key_enabled = true
#         }
package iacpac.aws.s3.bucket_kms_encryption

import rego.v1

import data.iacpac.lib.terraform as tf

kms_algorithms := {"aws:kms", "aws:kms:dsse"}

deny contains finding if {
	some bucket in tf.resources("aws_s3_bucket")
	not kms_encrypted(bucket)
	finding := {
		"address": bucket.address,
		"message": sprintf("S3 bucket %s is not encrypted with a KMS key by default", [bucket.address]),
	}
}

kms_encrypted(bucket) if {
	some sse in tf.blocks(tf.after(bucket), "server_side_encryption_configuration")
	uses_kms(sse)
}

kms_encrypted(bucket) if {
	some sse in tf.connected_resources(bucket, "aws_s3_bucket_server_side_encryption_configuration")
	uses_kms(tf.after(sse))
}

uses_kms(sse) if {
	some rule in tf.blocks(sse, "rule")
	some default in tf.blocks(rule, "apply_server_side_encryption_by_default")
	default.sse_algorithm in kms_algorithms
}
