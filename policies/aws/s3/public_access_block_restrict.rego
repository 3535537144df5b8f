# METADATA
# title: "S3 public access block restricts public buckets"
# description: "The public access block of a bucket should set `restrict_public_buckets` to true; otherwise a public bucket policy still lets anonymous and cross-account users in."
# custom:
#   id: IACPAC_AWS_S3_012
#   severity: medium
#   resource_types: [aws_s3_bucket_public_access_block]
#   checkov: [CKV_AWS_56]
#   remediation: "Set restrict_public_buckets = true in the aws_s3_bucket_public_access_block resource."
package iacpac.aws.s3.public_access_block_restrict

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some block in tf.resources("aws_s3_bucket_public_access_block")
	not enabled(block)
	finding := {
		"address": block.address,
		"message": sprintf("%s does not set restrict_public_buckets = true", [block.address]),
	}
}

enabled(block) if tf.after(block).restrict_public_buckets == true

enabled(block) if tf.unknown(block).restrict_public_buckets == true
