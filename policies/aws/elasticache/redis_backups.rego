# METADATA
# title: "ElastiCache Redis cluster takes automatic backups"
# description: "Redis clusters should keep daily snapshots (`snapshot_retention_limit` > 0) so data can be restored."
# custom:
#   id: IACPAC_AWS_ELASTICACHE_001
#   severity: info
#   resource_types: [aws_elasticache_cluster]
#   checkov: [CKV_AWS_134]
#   remediation: "Set snapshot_retention_limit (days) on the Redis cluster."
package iacpac.aws.elasticache.redis_backups

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_elasticache_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("ElastiCache Redis cluster %s does not take automatic backups", [rc.address]),
	}
}

ok(rc) if tf.after(rc).engine != "redis"

ok(rc) if tf.after(rc).snapshot_retention_limit > 0

ok(rc) if {
	tf.configured(rc, "snapshot_retention_limit")
	tf.unknown(rc).snapshot_retention_limit == true
}
