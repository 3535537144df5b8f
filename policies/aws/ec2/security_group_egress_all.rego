# METADATA
# title: "Security group does not allow all outbound traffic to the internet"
# description: "An egress rule for all protocols and ports to 0.0.0.0/0 or ::/0 lets a compromised workload exfiltrate data anywhere. Inline `egress` blocks (until a rule with `self = true`), `aws_security_group_rule` resources of type egress and `aws_vpc_security_group_egress_rule` resources with explicit ports are checked. Rules that use prefix lists pass."
# custom:
#   id: IACPAC_AWS_EC2_004
#   severity: low
#   resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_egress_rule]
#   checkov: [CKV_AWS_382]
#   remediation: "Limit egress to the ports and destinations the workload needs, or to VPC endpoints via prefix lists."
package iacpac.aws.ec2.security_group_egress_all

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some sg in tf.resources("aws_security_group")
	rules := tf.blocks(tf.after(sg), "egress")
	some i, rule in rules
	violation(rule, rule.cidr_blocks, rule.ipv6_cidr_blocks, object.get(rule, "protocol", null))
	not self_rule_before(rules, i)
	finding := {
		"address": sg.address,
		"message": sprintf("Security group %s allows all outbound traffic to the internet", [sg.address]),
	}
}

deny contains finding if {
	some rc in tf.resources("aws_security_group_rule")
	rule := tf.after(rc)
	rule.type == "egress"
	not rule.self == true
	violation(rule, rule.cidr_blocks, rule.ipv6_cidr_blocks, rule.protocol)
	finding := {
		"address": rc.address,
		"message": sprintf("Security group rule %s allows all outbound traffic to the internet", [rc.address]),
	}
}

deny contains finding if {
	some rc in tf.resources("aws_vpc_security_group_egress_rule")
	rule := tf.after(rc)
	rule.from_port != null
	violation(rule, [rule.cidr_ipv4], [rule.cidr_ipv6], null)
	finding := {
		"address": rc.address,
		"message": sprintf("Security group rule %s allows all outbound traffic to the internet", [rc.address]),
	}
}

self_rule_before(rules, i) if {
	some j, rule in rules
	j <= i
	rule.self == true
}

violation(rule, ipv4, ipv6, protocol) if {
	not prefix_lists(rule)
	all_traffic(rule, protocol)
	world(ipv4, ipv6)
}

prefix_lists(rule) if count(object.get(rule, "prefix_list_ids", [])) > 0

all_traffic(rule, protocol) if {
	protocol == "-1"
	rule.from_port == 0
	rule.to_port == 0
}

world(ipv4, ipv6) if "0.0.0.0/0" in list(ipv4)

world(ipv4, ipv6) if "::/0" in list(ipv6)

list(x) := x if is_array(x) else := []
