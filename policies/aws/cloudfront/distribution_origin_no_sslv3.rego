# METADATA
# title: "CloudFront distribution does not use SSLv3 to its origins"
# description: "SSLv3 is broken (POODLE) and must not be offered on the connection from CloudFront to a custom origin. A distribution fails when the `origin_ssl_protocols` of any custom origin include SSLv3."
# custom:
#   id: IACPAC_AWS_CLOUDFRONT_010
#   severity: medium
#   resource_types: [aws_cloudfront_distribution]
#   checkov: [CKV2_AWS_54]
#   remediation: "Set origin_ssl_protocols = [\"TLSv1.2\"] on every custom_origin_config."
package iacpac.aws.cloudfront.distribution_origin_no_sslv3

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some distribution in tf.resources("aws_cloudfront_distribution")
	some origin in tf.blocks(tf.after(distribution), "origin")
	some config in tf.blocks(origin, "custom_origin_config")
	"SSLv3" in object.get(config, "origin_ssl_protocols", [])
	finding := {
		"address": distribution.address,
		"message": sprintf("CloudFront distribution %s allows SSLv3 to an origin", [distribution.address]),
	}
}
