# METADATA
# title: "Aurora MySQL cluster has backtracking"
# description: "Backtracking rewinds an Aurora MySQL cluster to a point in time in minutes, without a restore."
# custom:
#   id: IACPAC_AWS_RDS_021
#   severity: medium
#   resource_types: [aws_rds_cluster]
#   checkov: [CKV_AWS_326]
#   remediation: "Set backtrack_window (seconds, e.g. 86400) on the aws_rds_cluster."
package iacpac.aws.rds.cluster_backtrack

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_rds_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Aurora cluster %s has no backtrack window", [rc.address]),
	}
}

# Another engine (a cluster without `engine` is Aurora MySQL, the provider's default); an engine known only at apply
# time is not judged.
ok(rc) if {
	engine := tf.after(rc).engine
	is_string(engine)
	not engine in {"aurora", "aurora-mysql"}
}

ok(rc) if tf.unknown(rc).engine == true

ok(rc) if tf.after(rc).backtrack_window > 0

ok(rc) if tf.unknown(rc).backtrack_window == true
