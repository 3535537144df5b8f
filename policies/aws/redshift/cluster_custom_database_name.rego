# METADATA
# title: "Redshift cluster does not use the default database name"
# description: "The default database name `dev` is the first thing an attacker tries; choose your own."
# custom:
#   id: IACPAC_AWS_REDSHIFT_008
#   severity: medium
#   resource_types: [aws_redshift_cluster]
#   checkov: [CKV_AWS_320]
#   remediation: "Set database_name to a non-default name."
package iacpac.aws.redshift.cluster_custom_database_name

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_redshift_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Redshift cluster %s uses the default database name", [rc.address]),
	}
}

ok(rc) if {
	tf.configured(rc, "database_name")
	tf.after(rc).database_name != "dev"
}
