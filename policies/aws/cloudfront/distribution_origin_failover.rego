# METADATA
# title: "CloudFront distribution has origin failover"
# description: "An origin group with failover criteria and two members (primary and secondary) keeps content available when the primary origin fails. The distribution fails when it has no origin group, or when any of its groups lacks failover criteria or a second member."
# custom:
#   id: IACPAC_AWS_CLOUDFRONT_005
#   severity: medium
#   resource_types: [aws_cloudfront_distribution]
#   checkov: [CKV_AWS_310]
#   remediation: "Add an origin_group with primary and secondary members and point the cache behavior at it."
package iacpac.aws.cloudfront.distribution_origin_failover

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_cloudfront_distribution")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CloudFront distribution %s has no origin failover group", [rc.address]),
	}
}

ok(rc) if {
	groups := tf.blocks(tf.after(rc), "origin_group")
	count(groups) > 0
	every group in groups {
		count(tf.blocks(group, "failover_criteria")) > 0
		count(tf.blocks(group, "member")) >= 2
	}
}
