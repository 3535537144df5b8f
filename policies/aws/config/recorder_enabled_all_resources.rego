# METADATA
# title: "AWS Config recorder is on and records all supported resources"
# description: "A recorder that is stopped, or that records only some resource types, leaves changes unrecorded. A recorder status passes when it sets `is_enabled = true` and the recorder it is connected to does not set `recording_group.all_supported = false`."
# custom:
#   id: IACPAC_AWS_CONFIG_003
#   severity: info
#   resource_types: [aws_config_configuration_recorder_status]
#   checkov: [CKV2_AWS_45]
#   remediation: "Set is_enabled = true on the aws_config_configuration_recorder_status and keep recording_group { all_supported = true } on the recorder."
package iacpac.aws.config.recorder_enabled_all_resources

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some status in tf.resources("aws_config_configuration_recorder_status")
	not recording(status)
	finding := {
		"address": status.address,
		"message": sprintf("AWS Config recorder status %s does not record all supported resources", [status.address]),
	}
}

recording(status) if {
	tf.after(status).is_enabled == true
	some recorder in tf.connected_resources(status, "aws_config_configuration_recorder")
	not tf.block(tf.after(recorder), "recording_group").all_supported == false
}
