# METADATA
# title: "S3 bucket records server access logs"
# description: "Server access logs are the audit trail of who read or changed objects. The bucket passes when it has an inline `logging` block or an `aws_s3_bucket_logging` resource references it."
# custom:
#   id: IACPAC_AWS_S3_002
#   severity: info
#   resource_types: [aws_s3_bucket]
#   checkov: [CKV_AWS_18]
#   remediation: "Add an aws_s3_bucket_logging resource that points the bucket at a log bucket (target_bucket, target_prefix)."
package iacpac.aws.s3.bucket_access_logging

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some bucket in tf.resources("aws_s3_bucket")
	not logged(bucket)
	finding := {
		"address": bucket.address,
		"message": sprintf("S3 bucket %s has no server access logging", [bucket.address]),
	}
}

logged(bucket) if count(tf.blocks(tf.after(bucket), "logging")) > 0

logged(bucket) if count(tf.connected_resources(bucket, "aws_s3_bucket_logging")) > 0
