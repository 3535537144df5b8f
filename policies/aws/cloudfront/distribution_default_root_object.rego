# METADATA
# title: "CloudFront distribution has a default root object"
# description: "Without a default root object a request for the root URL is passed to the origin, which may list the bucket or expose content that was not meant to be served. Distributions must set `default_root_object`."
# custom:
#   id: IACPAC_AWS_CLOUDFRONT_013
#   severity: medium
#   resource_types: [aws_cloudfront_distribution]
#   checkov: [CKV_AWS_305]
#   remediation: "Set default_root_object (e.g. \"index.html\")."
package iacpac.aws.cloudfront.distribution_default_root_object

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_cloudfront_distribution"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CloudFront distribution %s has no default root object", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "default_root_object")
