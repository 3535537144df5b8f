# METADATA
# title: "RDS instance is not publicly accessible"
# description: "A publicly accessible instance gets a public DNS name and address, leaving the database one security-group rule away from the internet."
# custom:
#   id: IACPAC_AWS_RDS_009
#   severity: medium
#   resource_types: [aws_db_instance, aws_rds_cluster_instance]
#   checkov: [CKV_AWS_17]
#   remediation: "Set publicly_accessible = false and reach the database from inside the VPC."
package iacpac.aws.rds.db_instance_not_public

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_db_instance", "aws_rds_cluster_instance"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("RDS instance %s is publicly accessible", [rc.address]),
	}
}

ok(rc) if not tf.after(rc).publicly_accessible == true
