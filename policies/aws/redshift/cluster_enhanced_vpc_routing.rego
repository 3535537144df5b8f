# METADATA
# title: "Redshift cluster uses enhanced VPC routing"
# description: "Enhanced VPC routing sends COPY and UNLOAD traffic through the VPC, where security groups, endpoints and flow logs apply."
# custom:
#   id: IACPAC_AWS_REDSHIFT_002
#   severity: medium
#   resource_types: [aws_redshift_cluster]
#   checkov: [CKV_AWS_321]
#   remediation: "Set enhanced_vpc_routing = true."
#   fix:
#     set:
#       enhanced_vpc_routing: true
package iacpac.aws.redshift.cluster_enhanced_vpc_routing

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_redshift_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Redshift cluster %s does not use enhanced VPC routing", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "enhanced_vpc_routing", true)
