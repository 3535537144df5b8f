# METADATA
# title: "ElastiCache replication group is encrypted at rest"
# description: "Encryption at rest protects cached data on disk and in backups."
# custom:
#   id: IACPAC_AWS_ELASTICACHE_003
#   severity: low
#   resource_types: [aws_elasticache_replication_group]
#   checkov: [CKV_AWS_29]
#   remediation: "Set at_rest_encryption_enabled = true."
package iacpac.aws.elasticache.replication_group_encrypted_at_rest

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_elasticache_replication_group")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("ElastiCache replication group %s is not encrypted at rest", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "at_rest_encryption_enabled", true)
