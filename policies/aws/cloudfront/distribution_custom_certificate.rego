# METADATA
# title: "CloudFront distribution uses a custom TLS certificate"
# description: "The default *.cloudfront.net certificate ties viewers to the CloudFront domain and old TLS versions; a custom certificate serves your own domain. The distribution passes when its viewer_certificate names an ACM certificate (acm_certificate_arn) or an IAM one (iam_certificate_id)."
# custom:
#   id: IACPAC_AWS_CLOUDFRONT_007
#   severity: low
#   resource_types: [aws_cloudfront_distribution]
#   checkov: [CKV2_AWS_42]
#   remediation: "Set viewer_certificate { acm_certificate_arn = ..., ssl_support_method = \"sni-only\" }."
package iacpac.aws.cloudfront.distribution_custom_certificate

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_cloudfront_distribution")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CloudFront distribution %s uses the default CloudFront certificate", [rc.address]),
	}
}

ok(rc) if tf.block_set(rc, "viewer_certificate", "acm_certificate_arn")

ok(rc) if tf.block_set(rc, "viewer_certificate", "iam_certificate_id")
