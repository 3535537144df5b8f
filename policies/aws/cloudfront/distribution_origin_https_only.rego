# METADATA
# title: "CloudFront uses HTTPS to load balancer and media origins"
# description: "Origins served by Elastic Load Balancing, MediaStore or MediaPackage accept HTTPS, so CloudFront should not fetch from them over plain HTTP. An enabled distribution fails when a custom origin whose domain name contains .elb., .mediastore. or .mediapackage. has an `origin_protocol_policy` other than https-only."
# custom:
#   id: IACPAC_AWS_CLOUDFRONT_011
#   severity: medium
#   resource_types: [aws_cloudfront_distribution]
#   checkov: [CKV2_AWS_72]
#   remediation: "Set origin_protocol_policy = \"https-only\" in the custom_origin_config of load balancer and media origins."
package iacpac.aws.cloudfront.distribution_origin_https_only

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some distribution in tf.resources("aws_cloudfront_distribution")
	not tf.after(distribution).enabled == false
	some origin in tf.blocks(tf.after(distribution), "origin")
	some config in tf.blocks(origin, "custom_origin_config")
	config.origin_protocol_policy != "https-only"
	some marker in [".elb.", ".mediastore.", ".mediapackage."]
	contains(origin.domain_name, marker)
	finding := {
		"address": distribution.address,
		"message": sprintf("CloudFront distribution %s does not use HTTPS only to origin %s", [distribution.address, origin.domain_name]),
	}
}
