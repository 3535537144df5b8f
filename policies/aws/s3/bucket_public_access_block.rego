# METADATA
# title: "S3 bucket has a public access block"
# description: "A bucket-level public access block stops ACLs and bucket policies from making objects public by mistake. The bucket passes when an `aws_s3_bucket_public_access_block` is connected to it and sets both `block_public_acls` and `block_public_policy` to true."
# custom:
#   id: IACPAC_AWS_S3_007
#   severity: low
#   resource_types: [aws_s3_bucket, aws_s3_bucket_public_access_block]
#   checkov: [CKV2_AWS_6]
#   remediation: "Add an aws_s3_bucket_public_access_block for the bucket with block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets set to true."
#   fix:
#     resource_types: [aws_s3_bucket]
#     resource:
#       type: aws_s3_bucket_public_access_block
#       body: |
#         bucket                  = {{resource}}.id
#         block_public_acls       = true
#         block_public_policy     = true
#         ignore_public_acls      = true
#         restrict_public_buckets = true
package iacpac.aws.s3.bucket_public_access_block

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some bucket in tf.resources("aws_s3_bucket")
	not blocked(bucket)
	finding := {
		"address": bucket.address,
		"message": sprintf("S3 bucket %s has no public access block that blocks public ACLs and policies", [bucket.address]),
	}
}

blocked(bucket) if {
	some block in tf.connected_resources(bucket, "aws_s3_bucket_public_access_block")
	true_or_unknown(block, "block_public_acls")
	true_or_unknown(block, "block_public_policy")
}

true_or_unknown(rc, key) if tf.after(rc)[key] == true

true_or_unknown(rc, key) if tf.unknown(rc)[key] == true
