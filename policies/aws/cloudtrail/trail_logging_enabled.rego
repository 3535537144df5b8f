# METADATA
# title: "CloudTrail trail is logging"
# description: "A trail with logging turned off records nothing while still looking configured. A trail fails when it sets `enable_logging = false`; logging is on by default."
# custom:
#   id: IACPAC_AWS_CLOUDTRAIL_005
#   severity: info
#   resource_types: [aws_cloudtrail]
#   checkov: [CKV_AWS_251]
#   remediation: "Remove enable_logging = false from the aws_cloudtrail (or set it to true)."
package iacpac.aws.cloudtrail.trail_logging_enabled

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_cloudtrail")
	tf.after(rc).enable_logging == false
	finding := {
		"address": rc.address,
		"message": sprintf("CloudTrail trail %s has logging turned off", [rc.address]),
	}
}
