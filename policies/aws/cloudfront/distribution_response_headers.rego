# METADATA
# title: "CloudFront distribution attaches a response headers policy"
# description: "A response headers policy adds security headers (HSTS, X-Content-Type-Options, frame options, CSP) to every response of the default cache behavior."
# custom:
#   id: IACPAC_AWS_CLOUDFRONT_006
#   severity: low
#   resource_types: [aws_cloudfront_distribution]
#   checkov: [CKV2_AWS_32]
#   remediation: "Set response_headers_policy_id on the default_cache_behavior."
package iacpac.aws.cloudfront.distribution_response_headers

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_cloudfront_distribution")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CloudFront distribution %s has no response headers policy", [rc.address]),
	}
}

ok(rc) if tf.block_set(rc, "default_cache_behavior", "response_headers_policy_id")
