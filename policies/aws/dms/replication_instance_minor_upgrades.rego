# METADATA
# title: "DMS replication instance applies minor upgrades"
# description: "Minor engine upgrades carry security fixes."
# custom:
#   id: IACPAC_AWS_DMS_003
#   severity: low
#   resource_types: [aws_dms_replication_instance]
#   checkov: [CKV_AWS_222]
#   remediation: "Set auto_minor_version_upgrade = true."
package iacpac.aws.dms.replication_instance_minor_upgrades

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_dms_replication_instance")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("DMS replication instance %s does not apply minor upgrades", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "auto_minor_version_upgrade", true)
