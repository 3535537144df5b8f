# METADATA
# title: "RDS instance has deletion protection"
# description: "Deletion protection stops an accidental `terraform destroy` or console click from dropping a production database."
# custom:
#   id: IACPAC_AWS_RDS_002
#   severity: medium
#   resource_types: [aws_db_instance]
#   checkov: [CKV_AWS_293]
#   remediation: "Set deletion_protection = true on the aws_db_instance."
#   fix:
#     set:
#       deletion_protection: true
package iacpac.aws.rds.db_instance_deletion_protection

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_db_instance")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("RDS instance %s does not enable deletion protection", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "deletion_protection", true)
