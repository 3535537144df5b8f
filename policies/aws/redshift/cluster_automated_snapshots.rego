# METADATA
# title: "Redshift cluster keeps automated snapshots"
# description: "A retention of 0 days disables automated snapshots and point-in-time restore."
# custom:
#   id: IACPAC_AWS_REDSHIFT_009
#   severity: high
#   resource_types: [aws_redshift_cluster]
#   checkov: [CKV_AWS_343]
#   remediation: "Set automated_snapshot_retention_period to 1 or more."
package iacpac.aws.redshift.cluster_automated_snapshots

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_redshift_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Redshift cluster %s disables automated snapshots", [rc.address]),
	}
}

ok(rc) if not tf.configured(rc, "automated_snapshot_retention_period")

ok(rc) if not tf.after(rc).automated_snapshot_retention_period == 0
