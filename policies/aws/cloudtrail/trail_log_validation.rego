# METADATA
# title: "CloudTrail validates its log files"
# description: "Digest files let you prove that delivered logs were not modified or deleted."
# custom:
#   id: IACPAC_AWS_CLOUDTRAIL_002
#   severity: low
#   resource_types: [aws_cloudtrail]
#   checkov: [CKV_AWS_36]
#   remediation: "Set enable_log_file_validation = true."
package iacpac.aws.cloudtrail.trail_log_validation

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_cloudtrail")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CloudTrail %s does not validate its log files", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "enable_log_file_validation", true)
