# METADATA
# title: "Security group does not open SSH (22) to the internet"
# description: "SSH open to the whole internet invites brute-force and exploit attempts against every instance in the group. Inline `ingress` blocks, `aws_security_group_rule` resources of type ingress and `aws_vpc_security_group_ingress_rule` resources are checked; a rule fails when its port range covers 22 and it allows 0.0.0.0/0 or ::/0 (a rule with `from_port = 0` and `to_port = 0` covers every port)."
# custom:
#   id: IACPAC_AWS_EC2_001
#   severity: info
#   resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   checkov: [CKV_AWS_24]
#   remediation: "Restrict the source of the rule covering port 22 to known address ranges or security groups."
package iacpac.aws.ec2.security_group_ssh_open

import rego.v1

import data.iacpac.lib.terraform as tf

port := 22

deny contains finding if {
	some sg in tf.resources("aws_security_group")
	some rule in tf.blocks(tf.after(sg), "ingress")
	open_to_world(rule, rule.cidr_blocks, rule.ipv6_cidr_blocks)
	finding := {
		"address": sg.address,
		"message": sprintf("Security group %s allows ingress from the internet to port %d", [sg.address, port]),
	}
}

deny contains finding if {
	some rc in tf.resources("aws_security_group_rule")
	rule := tf.after(rc)
	rule.type == "ingress"
	open_to_world(rule, rule.cidr_blocks, rule.ipv6_cidr_blocks)
	finding := {
		"address": rc.address,
		"message": sprintf("Security group rule %s allows ingress from the internet to port %d", [rc.address, port]),
	}
}

deny contains finding if {
	some rc in tf.resources("aws_vpc_security_group_ingress_rule")
	rule := tf.after(rc)
	open_to_world(rule, [rule.cidr_ipv4], [rule.cidr_ipv6])
	finding := {
		"address": rc.address,
		"message": sprintf("Security group rule %s allows ingress from the internet to port %d", [rc.address, port]),
	}
}

open_to_world(rule, ipv4, ipv6) if {
	covers_port(rule)
	world(ipv4, ipv6)
}

covers_port(rule) if {
	rule.from_port == 0
	rule.to_port == 0
}

covers_port(rule) if {
	rule.from_port <= port
	port <= rule.to_port
}

world(ipv4, ipv6) if "0.0.0.0/0" in list(ipv4)

world(ipv4, ipv6) if "::/0" in list(ipv6)

list(x) := x if is_array(x) else := []
