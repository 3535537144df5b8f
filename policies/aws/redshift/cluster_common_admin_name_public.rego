# METADATA
# title: "Publicly accessible Redshift cluster does not use a common master user name"
# description: "On a cluster reachable from the internet, a master user name such as awsuser, admin or administrator leaves only the password to guess. Clusters whose `master_username` is one of those and that are publicly accessible (set, or left to the provider default, which is public in AWS provider 5.x) fail."
# custom:
#   id: IACPAC_AWS_REDSHIFT_013
#   severity: high
#   resource_types: [aws_redshift_cluster]
#   checkov: [CKV_AWS_391]
#   remediation: "Use an uncommon master_username, or set publicly_accessible = false."
package iacpac.aws.redshift.cluster_common_admin_name_public

import rego.v1

import data.iacpac.lib.terraform as tf

common_user_names := {"awsuser", "admin", "administrator"}

deny contains finding if {
	some rc in tf.resources("aws_redshift_cluster")
	tf.after(rc).master_username in common_user_names
	public(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Redshift cluster %s is public and its master user name (%s) is a common one", [rc.address, tf.after(rc).master_username]),
	}
}

public(rc) if tf.after(rc).publicly_accessible == true

# Left out: AWS provider 5.x makes clusters publicly accessible by default.
public(rc) if {
	object.get(tf.after(rc), "publicly_accessible", null) == null
	not tf.unknown(rc).publicly_accessible
}
