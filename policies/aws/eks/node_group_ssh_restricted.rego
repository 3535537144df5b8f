# METADATA
# title: "EKS node group does not open SSH to the internet"
# description: "A node group with an SSH key but no source security groups allows SSH from 0.0.0.0/0 to every node."
# custom:
#   id: IACPAC_AWS_EKS_006
#   severity: high
#   resource_types: [aws_eks_node_group]
#   checkov: [CKV_AWS_100]
#   remediation: "Set remote_access.source_security_group_ids, or remove remote_access."
package iacpac.aws.eks.node_group_ssh_restricted

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_eks_node_group")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("EKS node group %s allows SSH from anywhere", [rc.address]),
	}
}

ok(rc) if {
	access := tf.block(tf.after(rc), "remote_access")
	access == {}
}

ok(rc) if {
	access := tf.block(tf.after(rc), "remote_access")
	tf.empty(object.get(access, "ec2_ssh_key", null))
}

ok(rc) if tf.block_set(rc, "remote_access", "source_security_group_ids")
