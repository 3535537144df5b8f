# METADATA
# title: "CloudFront distribution requires TLS 1.2 from viewers"
# description: "The viewer certificate's `minimum_protocol_version` should be a TLSv1.2 policy; the default certificate allows TLS 1.0."
# custom:
#   id: IACPAC_AWS_CLOUDFRONT_004
#   severity: low
#   resource_types: [aws_cloudfront_distribution]
#   checkov: [CKV_AWS_174]
#   remediation: "Use a custom certificate with minimum_protocol_version = \"TLSv1.2_2021\"."
package iacpac.aws.cloudfront.distribution_tls12

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_cloudfront_distribution")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CloudFront distribution %s accepts TLS versions older than 1.2", [rc.address]),
	}
}

ok(rc) if {
	certificate := tf.block(tf.after(rc), "viewer_certificate")
	not certificate.cloudfront_default_certificate == true
	regex.match(`^TLSv1\.[23]_\d{4}$`, certificate.minimum_protocol_version)
}
