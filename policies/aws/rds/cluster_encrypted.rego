# METADATA
# title: "Aurora cluster encrypts its storage"
# description: "Storage encryption covers the cluster volume, its backups and snapshots."
# custom:
#   id: IACPAC_AWS_RDS_015
#   severity: high
#   resource_types: [aws_rds_cluster]
#   checkov: [CKV_AWS_96]
#   remediation: "Set storage_encrypted = true on the aws_rds_cluster."
#   fix:
#     set:
#       storage_encrypted: true
package iacpac.aws.rds.cluster_encrypted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_rds_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("RDS cluster %s does not encrypt its storage", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "storage_encrypted", true)

# Aurora Serverless v1 clusters are always encrypted.
ok(rc) if tf.after(rc).engine_mode == "serverless"
