# METADATA
# title: "EKS public endpoint is not open to 0.0.0.0/0"
# description: "When the cluster API endpoint is public, `public_access_cidrs` should list the networks allowed to reach it; the default is the whole internet."
# custom:
#   id: IACPAC_AWS_EKS_002
#   severity: low
#   resource_types: [aws_eks_cluster]
#   checkov: [CKV_AWS_38]
#   remediation: "Set vpc_config.public_access_cidrs to your networks, or endpoint_public_access = false."
package iacpac.aws.eks.cluster_public_cidrs

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_eks_cluster")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("EKS cluster %s exposes its public endpoint to 0.0.0.0/0", [rc.address]),
	}
}

ok(rc) if {
	tf.block_configured(rc, "vpc_config", "endpoint_public_access")
	tf.block(tf.after(rc), "vpc_config").endpoint_public_access == false
}

ok(rc) if {
	tf.block_configured(rc, "vpc_config", "public_access_cidrs")
	cidrs := tf.block(tf.after(rc), "vpc_config").public_access_cidrs
	count(cidrs) > 0
	not "0.0.0.0/0" in cidrs
}
