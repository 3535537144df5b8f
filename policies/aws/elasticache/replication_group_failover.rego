# METADATA
# title: "ElastiCache Redis replication group fails over automatically"
# description: "Multi-AZ with automatic failover promotes a replica when the primary fails."
# custom:
#   id: IACPAC_AWS_ELASTICACHE_007
#   severity: info
#   resource_types: [aws_elasticache_replication_group]
#   checkov: [CKV2_AWS_50]
#   remediation: "Set automatic_failover_enabled = true (and multi_az_enabled = true)."
package iacpac.aws.elasticache.replication_group_failover

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_elasticache_replication_group")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("ElastiCache replication group %s does not fail over automatically", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "automatic_failover_enabled", true)
