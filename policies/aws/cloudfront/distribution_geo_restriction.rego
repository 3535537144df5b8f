# METADATA
# title: "CloudFront distribution restricts viewers by geography"
# description: "A geographic allow or block list keeps content away from countries where it must not be served and narrows where attacks can come from. A distribution fails when `restrictions.geo_restriction.restriction_type` is none."
# custom:
#   id: IACPAC_AWS_CLOUDFRONT_014
#   severity: low
#   resource_types: [aws_cloudfront_distribution]
#   checkov: [CKV_AWS_374]
#   remediation: "Set geo_restriction { restriction_type = \"whitelist\" (or \"blacklist\"), locations = [...] }."
package iacpac.aws.cloudfront.distribution_geo_restriction

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some distribution in tf.resources("aws_cloudfront_distribution")
	some restrictions in tf.blocks(tf.after(distribution), "restrictions")
	some geo in tf.blocks(restrictions, "geo_restriction")
	geo.restriction_type == "none"
	finding := {
		"address": distribution.address,
		"message": sprintf("CloudFront distribution %s has no geographic restriction", [distribution.address]),
	}
}
