# METADATA
# title: "No EC2-Classic ElastiCache security groups"
# description: "ElastiCache security groups belong to EC2-Classic, which is retired; use VPC security groups."
# custom:
#   id: IACPAC_AWS_ELASTICACHE_009
#   severity: low
#   resource_types: [aws_elasticache_security_group]
#   checkov: [CKV_AWS_196]
#   remediation: "Replace the aws_elasticache_security_group with VPC security groups."
package iacpac.aws.elasticache.no_classic_security_group

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_elasticache_security_group")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("ElastiCache security group %s is an EC2-Classic construct", [rc.address]),
	}
}

ok(rc) if false
