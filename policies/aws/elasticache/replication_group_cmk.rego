# METADATA
# title: "ElastiCache replication group is encrypted with a customer managed key"
# description: "A customer managed key controls who can decrypt cached data at rest."
# custom:
#   id: IACPAC_AWS_ELASTICACHE_006
#   severity: low
#   resource_types: [aws_elasticache_replication_group]
#   checkov: [CKV_AWS_191]
#   remediation: "Set at_rest_encryption_enabled = true and kms_key_id."
package iacpac.aws.elasticache.replication_group_cmk

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_elasticache_replication_group")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("ElastiCache replication group %s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "kms_key_id")
