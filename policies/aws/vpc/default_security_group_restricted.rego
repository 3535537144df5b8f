# METADATA
# title: "Default security group of the VPC blocks all traffic"
# description: "Resources launched without an explicit security group land in the VPC default group, so it should allow nothing. The VPC passes when an `aws_default_security_group` connected to it declares no ingress or egress rules and no separate rule resources attach to that group."
# custom:
#   id: IACPAC_AWS_VPC_002
#   severity: low
#   resource_types: [aws_default_security_group, aws_vpc]
#   checkov: [CKV2_AWS_12]
#   remediation: "Add an aws_default_security_group with vpc_id = aws_vpc.<name>.id and no ingress/egress blocks."
#   fix:
#     resource_types: [aws_vpc]
#     resource:
#       type: aws_default_security_group
#       body: |
#         vpc_id = {{resource}}.id
package iacpac.aws.vpc.default_security_group_restricted

import rego.v1

import data.iacpac.lib.terraform as tf

rule_types := ["aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"]

deny contains finding if {
	some vpc in tf.resources("aws_vpc")
	not restricted(vpc)
	finding := {
		"address": vpc.address,
		"message": sprintf("VPC %s has no default security group that denies all traffic", [vpc.address]),
	}
}

restricted(vpc) if {
	some sg in tf.connected_resources(vpc, "aws_default_security_group")
	count(tf.blocks(tf.after(sg), "ingress")) == 0
	count(tf.blocks(tf.after(sg), "egress")) == 0
	not has_rule_resource(sg)
}

has_rule_resource(sg) if {
	some rule_type in rule_types
	count(tf.connected_resources(sg, rule_type)) > 0
}
