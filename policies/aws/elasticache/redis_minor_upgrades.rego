# METADATA
# title: "ElastiCache Redis cluster applies minor version upgrades"
# description: "Minor engine upgrades carry security fixes; Redis clusters should take them automatically."
# custom:
#   id: IACPAC_AWS_ELASTICACHE_008
#   severity: info
#   resource_types: [aws_elasticache_cluster]
#   checkov: [CKV_AWS_322]
#   remediation: "Set auto_minor_version_upgrade = true."
package iacpac.aws.elasticache.redis_minor_upgrades

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_elasticache_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("ElastiCache Redis cluster %s does not apply minor version upgrades", [rc.address]),
	}
}

ok(rc) if tf.after(rc).engine != "redis"

ok(rc) if not object.get(tf.after(rc), "auto_minor_version_upgrade", null) in {false, "false"}
