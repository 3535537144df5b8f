# METADATA
# title: "Security group does not allow all inbound traffic from the internet"
# description: "An ingress rule for all protocols and ports from 0.0.0.0/0 or ::/0 (or without any source) exposes every service on the instances to the internet. Inline `ingress` blocks, `aws_security_group_rule` resources of type ingress and `aws_vpc_security_group_ingress_rule` resources that write a port range are checked; a rule covers everything when its ports are -1, or when its protocol is -1 over ports 0-65535 (or 0-0). Rules narrowed by prefix lists and groups with a `self = true` rule pass."
# custom:
#   id: IACPAC_AWS_EC2_020
#   severity: medium
#   resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   checkov: [CKV_AWS_277]
#   remediation: "Open only the ports the service needs, to known address ranges or security groups."
package iacpac.aws.ec2.security_group_ingress_all

import rego.v1

import data.iacpac.lib.network

# Port -1 stands for "every port": only rules whose range is -1 or that cover all protocols and ports match it.
port := -1

deny contains finding if {
	some rc in network.open_groups("ingress", port)
	finding := {
		"address": rc.address,
		"message": sprintf("Security group %s allows all ingress from the internet", [rc.address]),
	}
}

deny contains finding if {
	some rc in network.open_group_rules("ingress", port) | network.open_vpc_rules("ingress", port)
	finding := {
		"address": rc.address,
		"message": sprintf("Security group rule %s allows all ingress from the internet", [rc.address]),
	}
}
