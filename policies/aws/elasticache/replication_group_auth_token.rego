# METADATA
# title: "ElastiCache replication group uses TLS and an auth token"
# description: "Redis AUTH (an auth_token, or RBAC user groups) together with TLS stops unauthenticated clients inside the network from reading or changing the cache."
# custom:
#   id: IACPAC_AWS_ELASTICACHE_005
#   severity: low
#   resource_types: [aws_elasticache_replication_group]
#   checkov: [CKV_AWS_31]
#   remediation: "Set transit_encryption_enabled = true and auth_token."
package iacpac.aws.elasticache.replication_group_auth_token

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_elasticache_replication_group")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("ElastiCache replication group %s does not require TLS with an auth token", [rc.address]),
	}
}

ok(rc) if {
	tf.configured_value(rc, "transit_encryption_enabled", true)
	some key in ["auth_token", "user_group_ids"]
	tf.configured(rc, key)
}
