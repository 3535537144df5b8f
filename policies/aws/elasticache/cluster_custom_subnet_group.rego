# METADATA
# title: "ElastiCache cluster uses a custom subnet group"
# description: "Without a subnet group the cluster lands in the default VPC subnets instead of private subnets you chose."
# custom:
#   id: IACPAC_AWS_ELASTICACHE_002
#   severity: low
#   resource_types: [aws_elasticache_cluster]
#   checkov: [CKV_AWS_323]
#   remediation: "Set subnet_group_name on the aws_elasticache_cluster."
package iacpac.aws.elasticache.cluster_custom_subnet_group

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_elasticache_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("ElastiCache cluster %s uses the default subnet group", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "subnet_group_name")
