# METADATA
# title: "ElastiCache replication group encrypts traffic in transit"
# description: "TLS between clients and nodes keeps cached data and credentials off the wire in clear text."
# custom:
#   id: IACPAC_AWS_ELASTICACHE_004
#   severity: low
#   resource_types: [aws_elasticache_replication_group]
#   checkov: [CKV_AWS_30]
#   remediation: "Set transit_encryption_enabled = true."
package iacpac.aws.elasticache.replication_group_encrypted_in_transit

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_elasticache_replication_group")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("ElastiCache replication group %s does not encrypt traffic in transit", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "transit_encryption_enabled", true)
