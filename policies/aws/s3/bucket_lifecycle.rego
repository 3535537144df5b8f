# METADATA
# title: "S3 bucket has a lifecycle configuration"
# description: "A lifecycle configuration expires or transitions old objects and incomplete uploads, which limits both cost and the amount of stale data kept. The bucket passes when an `aws_s3_bucket_lifecycle_configuration` is connected to it or it has an inline `lifecycle_rule` block."
# custom:
#   id: IACPAC_AWS_S3_005
#   severity: medium
#   resource_types: [aws_s3_bucket]
#   checkov: [CKV2_AWS_61]
#   remediation: "Add an aws_s3_bucket_lifecycle_configuration for the bucket with at least one enabled rule."
#   fix:
#     resource_types: [aws_s3_bucket]
#     resource:
#       type: aws_s3_bucket_lifecycle_configuration
#       body: |
#         bucket = {{resource}}.id
#
#         rule {
#           id     = "abort-incomplete-multipart-uploads"
#           status = "Enabled"
#
#           filter {}
#
#           abort_incomplete_multipart_upload {
#             days_after_initiation = 7
#           }
#         }
package iacpac.aws.s3.bucket_lifecycle

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some bucket in tf.resources("aws_s3_bucket")
	count(tf.connected_resources(bucket, "aws_s3_bucket_lifecycle_configuration")) == 0
	count(tf.blocks(tf.after(bucket), "lifecycle_rule")) == 0
	finding := {
		"address": bucket.address,
		"message": sprintf("S3 bucket %s has no lifecycle configuration", [bucket.address]),
	}
}
