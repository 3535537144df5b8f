# METADATA
# title: "Security group does not open SSH (22) to the internet"
# description: "SSH open to the whole internet invites brute-force and exploit attempts against every instance in the group. Inline `ingress` blocks, `aws_security_group_rule` resources of type ingress and `aws_vpc_security_group_ingress_rule` resources that write a port range are checked. A rule fails when its port range covers 22 (`from_port = 0` with `to_port = 0` means every port, as does protocol -1 over 0-65535), no prefix list narrows it, and it allows 0.0.0.0/0 or ::/0 or names no source at all; a group with a `self = true` rule passes."
# custom:
#   id: IACPAC_AWS_EC2_001
#   severity: info
#   resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   checkov: [CKV_AWS_24]
#   remediation: "Restrict the source of the rule covering port 22 to known address ranges or security groups."
package iacpac.aws.ec2.security_group_ssh_open

import rego.v1

import data.iacpac.lib.network

port := 22

deny contains finding if {
	some rc in network.open_groups("ingress", port)
	finding := {
		"address": rc.address,
		"message": sprintf("Security group %s allows ingress from the internet to port %d", [rc.address, port]),
	}
}

deny contains finding if {
	some rc in network.open_group_rules("ingress", port) | network.open_vpc_rules("ingress", port)
	finding := {
		"address": rc.address,
		"message": sprintf("Security group rule %s allows ingress from the internet to port %d", [rc.address, port]),
	}
}
