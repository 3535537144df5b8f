# METADATA
# title: "CloudTrail logs are encrypted with a customer managed key"
# description: "A customer managed key adds a second permission check before anyone can read the audit trail."
# custom:
#   id: IACPAC_AWS_CLOUDTRAIL_001
#   severity: info
#   resource_types: [aws_cloudtrail]
#   checkov: [CKV_AWS_35]
#   remediation: "Set kms_key_id on the aws_cloudtrail."
package iacpac.aws.cloudtrail.trail_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_cloudtrail")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CloudTrail %s logs are not encrypted with a customer managed KMS key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_id")
