# METADATA
# title: "CloudFront distribution requires HTTPS from viewers"
# description: "Cache behaviors with `viewer_protocol_policy = \"allow-all\"` serve content over plain HTTP, exposing it to interception and tampering."
# custom:
#   id: IACPAC_AWS_CLOUDFRONT_001
#   severity: medium
#   resource_types: [aws_cloudfront_distribution]
#   checkov: [CKV_AWS_34]
#   remediation: "Set viewer_protocol_policy = \"redirect-to-https\" (or \"https-only\") on every cache behavior."
#   fix:
#     set:
#       default_cache_behavior.viewer_protocol_policy: redirect-to-https
#       ordered_cache_behavior.viewer_protocol_policy: redirect-to-https
package iacpac.aws.cloudfront.distribution_https_only

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_cloudfront_distribution")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CloudFront distribution %s allows plain HTTP viewers", [rc.address]),
	}
}

ok(rc) if {
	every kind in ["default_cache_behavior", "ordered_cache_behavior"] {
		every behavior in tf.blocks(tf.after(rc), kind) {
			behavior.viewer_protocol_policy != "allow-all"
		}
	}
}
