# METADATA
# title: "EMR block public access is on"
# description: "EMR block public access stops clusters from starting with security group rules that open ports to the internet. The account configuration must set `block_public_security_group_rules = true`."
# custom:
#   id: IACPAC_AWS_EMR_002
#   severity: high
#   resource_types: [aws_emr_block_public_access_configuration]
#   checkov: [CKV_AWS_390]
#   remediation: "Set block_public_security_group_rules = true on the aws_emr_block_public_access_configuration (allow port 22 through permitted ranges only if needed)."
package iacpac.aws.emr.block_public_access

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_emr_block_public_access_configuration"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("EMR block public access %s is off", [rc.address]),
	}
}

ok(rc) if tf.after(rc).block_public_security_group_rules == true

ok(rc) if {
	tf.configured(rc, "block_public_security_group_rules")
	tf.unknown(rc).block_public_security_group_rules == true
}
