# METADATA
# title: "RDS instance is deployed across availability zones"
# description: "A Multi-AZ deployment keeps a synchronous standby in another zone and fails over automatically."
# custom:
#   id: IACPAC_AWS_RDS_003
#   severity: low
#   resource_types: [aws_db_instance]
#   checkov: [CKV_AWS_157]
#   remediation: "Set multi_az = true on the aws_db_instance."
#   fix:
#     set:
#       multi_az: true
package iacpac.aws.rds.db_instance_multi_az

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_db_instance")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("RDS instance %s is not a Multi-AZ deployment", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "multi_az", true)
