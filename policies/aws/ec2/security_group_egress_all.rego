# METADATA
# title: "Security group does not allow all outbound traffic to the internet"
# description: "An egress rule for all protocols and ports to 0.0.0.0/0 or ::/0 (or without any destination) lets a compromised workload exfiltrate data anywhere. Inline `egress` blocks, `aws_security_group_rule` resources of type egress and `aws_vpc_security_group_egress_rule` resources that write a port range are checked; a rule covers everything when its ports are -1, or when its protocol is -1 over ports 0-65535 (or 0-0). Rules narrowed by prefix lists and groups with a `self = true` rule pass."
# custom:
#   id: IACPAC_AWS_EC2_004
#   severity: low
#   resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_egress_rule]
#   checkov: [CKV_AWS_382]
#   remediation: "Limit egress to the ports and destinations the workload needs, or to VPC endpoints via prefix lists."
package iacpac.aws.ec2.security_group_egress_all

import rego.v1

import data.iacpac.lib.network

# Port -1 stands for "every port": only rules whose range is -1 or that cover all protocols and ports match it.
port := -1

deny contains finding if {
	some rc in network.open_groups("egress", port)
	finding := {
		"address": rc.address,
		"message": sprintf("Security group %s allows all egress to the internet", [rc.address]),
	}
}

deny contains finding if {
	some rc in network.open_group_rules("egress", port) | network.open_vpc_rules("egress", port)
	finding := {
		"address": rc.address,
		"message": sprintf("Security group rule %s allows all egress to the internet", [rc.address]),
	}
}
