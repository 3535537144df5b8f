# METADATA
# title: "Security groups and their rules carry descriptions"
# description: "Descriptions document why a group exists and why each port is open, which makes reviews and clean-ups possible. A security group passes when its configuration sets a description and every inline ingress/egress rule has one; standalone rule resources need their own description."
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
	not described(sg)
	finding := {
		"address": sg.address,
		"message": sprintf("Security group %s or one of its rules has no description", [sg.address]),
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

described(sg) if {
	described_group(sg)
	every kind in ["ingress", "egress"] {
		every rule in tf.blocks(tf.after(sg), kind) {
			not tf.empty(object.get(rule, "description", null))
		}
	}
}

# Written in the configuration: the provider fills in "Managed by Terraform" otherwise.
described_group(sg) if {
	tf.configured(sg, "description")
	tf.set(sg, "description")
}
