# METADATA
# title: "EKS cluster API endpoint is private"
# description: "A public API endpoint (the default) is reachable from the internet; a private endpoint keeps the control plane inside the VPC."
# custom:
#   id: IACPAC_AWS_EKS_003
#   severity: low
#   resource_types: [aws_eks_cluster]
#   checkov: [CKV_AWS_39]
#   remediation: "Set vpc_config { endpoint_public_access = false, endpoint_private_access = true }."
package iacpac.aws.eks.cluster_private_endpoint

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_eks_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("EKS cluster %s has a public API endpoint", [rc.address]),
	}
}

ok(rc) if {
	tf.block_configured(rc, "vpc_config", "endpoint_public_access")
	tf.block(tf.after(rc), "vpc_config").endpoint_public_access == false
}
