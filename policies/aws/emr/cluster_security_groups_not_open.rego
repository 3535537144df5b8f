# METADATA
# title: "EMR cluster security groups are not open to the world"
# description: "Master and core nodes run services (web UIs, YARN, SSH) that must not be reachable from the internet. A cluster passes when it is connected to a security group whose ingress rules do not allow 0.0.0.0/0; a cluster connected to no security group of the configuration fails."
# custom:
#   id: IACPAC_AWS_EMR_003
#   severity: low
#   resource_types: [aws_emr_cluster]
#   checkov: [CKV2_AWS_7]
#   remediation: "Remove 0.0.0.0/0 ingress from the cluster's security groups (use a bastion, SSM or VPN) and reference them in ec2_attributes."
package iacpac.aws.emr.cluster_security_groups_not_open

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some cluster in tf.resources("aws_emr_cluster")
	not closed_group(cluster)
	finding := {
		"address": cluster.address,
		"message": sprintf("EMR cluster %s has no security group closed to the internet", [cluster.address]),
	}
}

closed_group(cluster) if {
	some group in tf.connected_resources(cluster, "aws_security_group")
	every rule in tf.blocks(tf.after(group), "ingress") {
		not "0.0.0.0/0" in object.get(rule, "cidr_blocks", [])
	}
}
