# METADATA
# title: "CloudFront distribution is enabled"
# description: "A disabled distribution still exists, with its certificates, origins and permissions, but serves nothing; it is usually forgotten configuration. Distributions must set `enabled = true`."
# custom:
#   id: IACPAC_AWS_CLOUDFRONT_012
#   severity: low
#   resource_types: [aws_cloudfront_distribution]
#   checkov: [CKV_AWS_216]
#   remediation: "Set enabled = true, or remove the distribution if it is no longer needed."
package iacpac.aws.cloudfront.distribution_enabled

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_cloudfront_distribution"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CloudFront distribution %s is disabled", [rc.address]),
	}
}

ok(rc) if tf.after(rc).enabled == true

ok(rc) if {
	tf.configured(rc, "enabled")
	tf.unknown(rc).enabled == true
}
