# METADATA
# title: "CloudTrail records every region"
# description: "A single-region trail misses activity in the other regions, where attackers like to hide resources."
# custom:
#   id: IACPAC_AWS_CLOUDTRAIL_003
#   severity: info
#   resource_types: [aws_cloudtrail]
#   checkov: [CKV_AWS_67]
#   remediation: "Set is_multi_region_trail = true."
package iacpac.aws.cloudtrail.trail_multi_region

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_cloudtrail")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CloudTrail %s does not record all regions", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "is_multi_region_trail", true)
