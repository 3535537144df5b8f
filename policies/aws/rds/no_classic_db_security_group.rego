# METADATA
# title: "No EC2-Classic DB security groups"
# description: "DB security groups belong to EC2-Classic, which is retired; use VPC security groups."
# custom:
#   id: IACPAC_AWS_RDS_027
#   severity: low
#   resource_types: [aws_db_security_group]
#   checkov: [CKV_AWS_198]
#   remediation: "Replace the aws_db_security_group with VPC security groups."
package iacpac.aws.rds.no_classic_db_security_group

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_db_security_group")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("DB security group %s is an EC2-Classic construct", [rc.address]),
	}
}

ok(rc) if false
