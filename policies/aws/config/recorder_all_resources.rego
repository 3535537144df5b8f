# METADATA
# title: "AWS Config records all supported resources"
# description: "A recorder limited to some resource types misses changes to the rest."
# custom:
#   id: IACPAC_AWS_CONFIG_001
#   severity: info
#   resource_types: [aws_config_configuration_recorder]
#   checkov: [CKV2_AWS_48]
#   remediation: "Add recording_group { all_supported = true, include_global_resource_types = true }."
package iacpac.aws.config.recorder_all_resources

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_config_configuration_recorder")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Config recorder %s does not record all supported resources", [rc.address]),
	}
}

ok(rc) if not tf.block(tf.after(rc), "recording_group").all_supported == false
