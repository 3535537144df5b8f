# METADATA
# title: "MQ broker applies minor version upgrades"
# description: "Minor engine upgrades carry security fixes."
# custom:
#   id: IACPAC_AWS_MQ_004
#   severity: low
#   resource_types: [aws_mq_broker]
#   checkov: [CKV_AWS_207]
#   remediation: "Set auto_minor_version_upgrade = true."
package iacpac.aws.mq.broker_minor_upgrades

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_mq_broker")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("MQ broker %s does not apply minor version upgrades", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "auto_minor_version_upgrade", true)
