# METADATA
# title: "S3 bucket sends event notifications"
# description: "Event notifications let downstream systems and security tooling react to object changes. The bucket passes when an `aws_s3_bucket_notification` is connected to it."
# custom:
#   id: IACPAC_AWS_S3_006
#   severity: low
#   resource_types: [aws_s3_bucket]
#   checkov: [CKV2_AWS_62]
#   remediation: "Add an aws_s3_bucket_notification for the bucket that publishes events to SNS, SQS, Lambda or EventBridge."
#   fix:
#     resource_types: [aws_s3_bucket]
#     resource:
#       type: aws_s3_bucket_notification
#       body: |
#         bucket      = {{resource}}.id
#         eventbridge = true
package iacpac.aws.s3.bucket_event_notifications

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some bucket in tf.resources("aws_s3_bucket")
	count(tf.connected_resources(bucket, "aws_s3_bucket_notification")) == 0
	finding := {
		"address": bucket.address,
		"message": sprintf("S3 bucket %s has no event notification configuration", [bucket.address]),
	}
}
