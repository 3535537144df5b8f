# METADATA
# title: "CloudFront distribution writes access logs"
# description: "Standard logs record every viewer request for investigations and traffic analysis."
# custom:
#   id: IACPAC_AWS_CLOUDFRONT_003
#   severity: info
#   resource_types: [aws_cloudfront_distribution]
#   checkov: [CKV_AWS_86]
#   remediation: "Add logging_config { bucket = \"logs.s3.amazonaws.com\" }."
package iacpac.aws.cloudfront.distribution_access_logging

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_cloudfront_distribution")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CloudFront distribution %s does not write access logs", [rc.address]),
	}
}

ok(rc) if count(tf.blocks(tf.after(rc), "logging_config")) > 0
