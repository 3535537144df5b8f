# METADATA
# title: "AWS Config records global resources too"
# description: "Global resource types such as IAM users, roles and policies are only recorded when the recording group sets `include_global_resource_types = true`; a recorder without it (or without a recording group) misses changes to identities."
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
	not tf.block(tf.after(rc), "recording_group").include_global_resource_types == true
	finding := {
		"address": rc.address,
		"message": sprintf("Config recorder %s does not record global resource types", [rc.address]),
	}
}
