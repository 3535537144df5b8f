# METADATA
# title: "MSK brokers are not publicly accessible"
# description: "With public access type SERVICE_PROVIDED_EIPS the brokers get public IP addresses and are reachable from the internet. Clusters whose `broker_node_group_info.connectivity_info.public_access.type` is SERVICE_PROVIDED_EIPS fail."
# custom:
#   id: IACPAC_AWS_MSK_003
#   severity: high
#   resource_types: [aws_msk_cluster]
#   checkov: [CKV_AWS_291]
#   remediation: "Set public_access { type = \"DISABLED\" } (the default) and reach the cluster through the VPC."
package iacpac.aws.msk.cluster_private_brokers

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_msk_cluster")
	some group in tf.blocks(tf.after(rc), "broker_node_group_info")
	some connectivity in tf.blocks(group, "connectivity_info")
	some access in tf.blocks(connectivity, "public_access")
	access.type == "SERVICE_PROVIDED_EIPS"
	finding := {
		"address": rc.address,
		"message": sprintf("MSK cluster %s exposes its brokers publicly", [rc.address]),
	}
}
