# METADATA
# title: "Redshift cluster has audit logging"
# description: "Audit logging records connections, user changes and queries against the warehouse."
# custom:
#   id: IACPAC_AWS_REDSHIFT_004
#   severity: info
#   resource_types: [aws_redshift_cluster]
#   checkov: [CKV_AWS_71]
#   remediation: "Add logging { enable = true, ... } (or an aws_redshift_logging resource)."
package iacpac.aws.redshift.cluster_logging

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_redshift_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Redshift cluster %s does not enable audit logging", [rc.address]),
	}
}

ok(rc) if {
	tf.block_configured(rc, "logging", "enable")
	tf.is_true(tf.block(tf.after(rc), "logging").enable)
}

ok(rc) if {
	tf.block_configured(rc, "logging", "enable")
	tf.block(tf.unknown(rc), "logging").enable == true
}
