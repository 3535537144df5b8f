# METADATA
# title: "CloudFront distribution reaches its S3 origin through origin access"
# description: "Without an origin access identity or origin access control, an S3 origin has to be readable by everyone for CloudFront to fetch from it. A distribution connected to an S3 bucket passes when an origin uses `s3_origin_config` (origin access identity) or sets `origin_access_control_id`; distributions not connected to a bucket pass."
# custom:
#   id: IACPAC_AWS_CLOUDFRONT_009
#   severity: low
#   resource_types: [aws_cloudfront_distribution]
#   checkov: [CKV2_AWS_46]
#   remediation: "Create an aws_cloudfront_origin_access_control and set origin_access_control_id on the S3 origin (and allow only CloudFront in the bucket policy)."
package iacpac.aws.cloudfront.distribution_s3_origin_access

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some distribution in tf.resources("aws_cloudfront_distribution")
	count(tf.connected_resources(distribution, "aws_s3_bucket")) > 0
	not origin_access(distribution)
	finding := {
		"address": distribution.address,
		"message": sprintf("CloudFront distribution %s reads its S3 origin without origin access", [distribution.address]),
	}
}

origin_access(distribution) if {
	some origin in tf.blocks(tf.after(distribution), "origin")
	count(tf.blocks(origin, "s3_origin_config")) > 0
}

origin_access(distribution) if {
	some origin in tf.expressions(distribution).origin
	origin.origin_access_control_id
}
