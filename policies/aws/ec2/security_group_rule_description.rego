# METADATA
# title: "Security groups and rules carry a description"
# description: "Descriptions document why a port is open, which makes reviews and clean-ups possible. A security group passes when the group itself is described in the configuration or every inline ingress/egress rule has a description; standalone rule resources need their own description."
# custom:
#   id: IACPAC_AWS_EC2_005
#   severity: low
#   resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_egress_rule, aws_vpc_security_group_ingress_rule]
#   checkov: [CKV_AWS_23]
#   remediation: "Add a description to the security group, or to each of its ingress and egress rules."
package iacpac.aws.ec2.security_group_rule_description

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some sg in tf.resources("aws_security_group")
	not described_group(sg)
	some kind in ["ingress", "egress"]
	some rule in tf.blocks(tf.after(sg), kind)
	tf.empty(object.get(rule, "description", null))
	finding := {
		"address": sg.address,
		"message": sprintf("Security group %s has neither a description nor described rules", [sg.address]),
	}
}

deny contains finding if {
	some resource_type in {"aws_security_group_rule", "aws_vpc_security_group_egress_rule", "aws_vpc_security_group_ingress_rule"}
	some rc in tf.resources(resource_type)
	not tf.set(rc, "description")
	finding := {
		"address": rc.address,
		"message": sprintf("Security group rule %s has no description", [rc.address]),
	}
}

# Written in the configuration: the provider fills in "Managed by Terraform" otherwise.
described_group(sg) if {
	tf.configured(sg, "description")
	tf.set(sg, "description")
}
