# METADATA
# title: "Redshift cluster is launched in a VPC subnet group"
# description: "A cluster subnet group places the cluster in your VPC instead of the default network."
# custom:
#   id: IACPAC_AWS_REDSHIFT_006
#   severity: low
#   resource_types: [aws_redshift_cluster]
#   checkov: [CKV_AWS_154]
#   remediation: "Set cluster_subnet_group_name on the aws_redshift_cluster."
package iacpac.aws.redshift.cluster_in_vpc

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_redshift_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Redshift cluster %s has no cluster subnet group", [rc.address]),
	}
}

ok(rc) if tf.set(rc, "cluster_subnet_group_name")
