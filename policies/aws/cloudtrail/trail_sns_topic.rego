# METADATA
# title: "CloudTrail trail notifies an SNS topic"
# description: "An SNS topic on the trail announces every log file delivery, which lets monitoring notice when delivery stops. The trail passes when it sets `sns_topic_name`."
# custom:
#   id: IACPAC_AWS_CLOUDTRAIL_006
#   severity: low
#   resource_types: [aws_cloudtrail]
#   checkov: [CKV_AWS_252]
#   remediation: "Set sns_topic_name on the aws_cloudtrail to an SNS topic that CloudTrail may publish to."
package iacpac.aws.cloudtrail.trail_sns_topic

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_cloudtrail"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("CloudTrail trail %s does not notify an SNS topic", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "sns_topic_name")
