# METADATA
# title: "GuardDuty detector is enabled"
# description: "A detector with `enable = false` stops threat detection for the account while still looking deployed. Detectors fail when they turn it off; it is on by default."
# custom:
#   id: IACPAC_AWS_GUARDDUTY_002
#   severity: info
#   resource_types: [aws_guardduty_detector]
#   checkov: [CKV_AWS_238]
#   remediation: "Remove enable = false from the aws_guardduty_detector (or set it to true)."
package iacpac.aws.guardduty.detector_enabled

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some detector in tf.resources("aws_guardduty_detector")
	tf.after(detector).enable == false
	finding := {
		"address": detector.address,
		"message": sprintf("GuardDuty detector %s is disabled", [detector.address]),
	}
}
