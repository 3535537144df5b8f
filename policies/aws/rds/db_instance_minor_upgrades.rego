# METADATA
# title: "RDS instance applies minor engine upgrades"
# description: "Minor engine versions carry security fixes; the setting has to be written down explicitly so that reviews can see it is on."
# custom:
#   id: IACPAC_AWS_RDS_004
#   severity: low
#   resource_types: [aws_db_instance, aws_rds_cluster_instance]
#   checkov: [CKV_AWS_226]
#   remediation: "Set auto_minor_version_upgrade = true."
#   fix:
#     set:
#       auto_minor_version_upgrade: true
package iacpac.aws.rds.db_instance_minor_upgrades

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_db_instance", "aws_rds_cluster_instance"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("%s does not explicitly enable automatic minor version upgrades", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "auto_minor_version_upgrade", true)
