# METADATA
# title: "CloudFront distribution is protected by WAF"
# description: "A WAF web ACL in front of the distribution filters common web exploits before they reach the origin."
# custom:
#   id: IACPAC_AWS_CLOUDFRONT_002
#   severity: info
#   resource_types: [aws_cloudfront_distribution]
#   checkov: [CKV_AWS_68]
#   remediation: "Set web_acl_id to an aws_wafv2_web_acl (scope CLOUDFRONT)."
package iacpac.aws.cloudfront.distribution_waf

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_cloudfront_distribution")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CloudFront distribution %s has no WAF web ACL", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "web_acl_id")
