# METADATA
# title: "GuardDuty detector enables itself for the organisation"
# description: "GuardDuty only protects accounts where it is enabled. A detector passes when it is enabled and an `aws_guardduty_organization_configuration` connected to it turns GuardDuty on for member accounts (`auto_enable = true`, or `auto_enable_organization_members` ALL or NEW)."
# custom:
#   id: IACPAC_AWS_GUARDDUTY_001
#   severity: low
#   resource_types: [aws_guardduty_detector]
#   checkov: [CKV2_AWS_3]
#   remediation: "Add an aws_guardduty_organization_configuration for the detector with auto_enable_organization_members = \"ALL\"."
package iacpac.aws.guardduty.detector_organization

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some detector in tf.resources("aws_guardduty_detector")
	not organization_wide(detector)
	finding := {
		"address": detector.address,
		"message": sprintf("GuardDuty detector %s is not enabled for the organisation's accounts", [detector.address]),
	}
}

organization_wide(detector) if {
	tf.after(detector).enable == true
	some configuration in tf.connected_resources(detector, "aws_guardduty_organization_configuration")
	auto_enabled(tf.after(configuration))
}

auto_enabled(configuration) if configuration.auto_enable == true

auto_enabled(configuration) if configuration.auto_enable_organization_members in {"ALL", "NEW"}
