# METADATA
# title: "Redshift cluster accepts version upgrades"
# description: "Major version upgrades during the maintenance window bring security fixes."
# custom:
#   id: IACPAC_AWS_REDSHIFT_007
#   severity: low
#   resource_types: [aws_redshift_cluster]
#   checkov: [CKV_AWS_141]
#   remediation: "Remove allow_version_upgrade = false."
package iacpac.aws.redshift.cluster_version_upgrades

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_redshift_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Redshift cluster %s refuses version upgrades", [rc.address]),
	}
}

ok(rc) if not tf.configured(rc, "allow_version_upgrade")

ok(rc) if not tf.after(rc).allow_version_upgrade == false
