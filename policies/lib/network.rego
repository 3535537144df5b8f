# METADATA
# title: Security group and network ACL helpers for the iacpac policy library
# description: >-
#   How a security group rule opens a port to the internet, read the same way for inline `ingress`/`egress` blocks,
#   `aws_security_group_rule` and `aws_vpc_security_group_ingress_rule`/`_egress_rule` resources: the rule's port
#   range covers the port (0-0 means every port; protocol "-1" with 0-65535 covers everything), no prefix list narrows
#   it, and its sources include 0.0.0.0/0 or ::/0, or it names no source at all.
# scope: package
package iacpac.lib.network

import rego.v1

import data.iacpac.lib.terraform as tf

world_ipv6 := {"::/0", "0000:0000:0000:0000:0000:0000:0000:0000/0"}

# Security groups with an inline rule in `direction` ("ingress" or "egress") open to the internet on `port`. A group
# with a rule that only admits its own members (`self = true`) is not reported.
open_groups(direction, port) := {sg |
	some sg in tf.resources("aws_security_group")
	rules := tf.blocks(tf.after(sg), direction)
	some i, rule in rules
	open_rule(rule, inline_unknown(sg, direction, i), port)
	not self_rule_in(rules)
}

# The after_unknown entry of the i-th inline rule (parallel to the planned list).
inline_unknown(sg, direction, i) := u if {
	u := tf.unknown(sg)[direction][i]
	is_object(u)
} else := {}

self_rule_in(rules) if {
	some rule in rules
	rule.self == true
}

# aws_security_group_rule resources of `direction` open to the internet on `port`.
open_group_rules(direction, port) := {rc |
	some rc in tf.resources("aws_security_group_rule")
	rule := tf.after(rc)
	rule.type == direction
	not rule.self == true
	open_rule(rule, tf.unknown(rc), port)
}

# aws_vpc_security_group_ingress_rule / _egress_rule resources open to the internet on `port` (only rules that
# write a port range are judged).
open_vpc_rules(direction, port) := {rc |
	some rc in tf.resources(sprintf("aws_vpc_security_group_%s_rule", [direction]))
	rule := tf.after(rc)
	some key in ["from_port", "to_port"]
	rule[key] != null
	open_rule(rule, tf.unknown(rc), port)
}

# `unknown` is the rule's after_unknown map: a source known only at apply time is a source, not the internet.
open_rule(rule, unknown, port) if {
	tf.empty(object.get(rule, "prefix_list_ids", null))
	not partly_unknown(object.get(unknown, "prefix_list_ids", false))
	covers(rule, port)
	open_source(rule, unknown)
}

covers(rule, port) if {
	[from, to] := port_range(rule)
	from <= port
	port <= to
}

covers(rule, _) if {
	object.get(rule, "protocol", null) == "-1"
	port_range(rule) == [0, 65535]
}

# [from, to] as numbers; 0-0 stands for every port.
port_range(rule) := [0, 65535] if {
	to_number(rule.from_port) == 0
	to_number(rule.to_port) == 0
} else := [to_number(rule.from_port), to_number(rule.to_port)]

open_source(rule, _) if "0.0.0.0/0" in ipv4_sources(rule)

open_source(rule, _) if {
	some cidr in ipv6_sources(rule)
	cidr in world_ipv6
}

# A rule that names no source at all.
open_source(rule, unknown) if {
	count(ipv4_sources(rule)) == 0
	count(ipv6_sources(rule)) == 0
	tf.empty(object.get(rule, "security_groups", null))
	object.get(rule, "source_security_group_id", null) == null
	every key in ["cidr_blocks", "cidr_ipv4", "ipv6_cidr_blocks", "cidr_ipv6", "security_groups", "source_security_group_id"] {
		not partly_unknown(object.get(unknown, key, false))
	}
}

partly_unknown(u) if u == true

partly_unknown(u) if true in u

ipv4_sources(rule) := tf.as_list(rule.cidr_blocks) if {
	not tf.empty(object.get(rule, "cidr_blocks", null))
} else := [rule.cidr_ipv4] if {
	is_string(object.get(rule, "cidr_ipv4", null))
} else := []

ipv6_sources(rule) := tf.as_list(rule.ipv6_cidr_blocks) if {
	not tf.empty(object.get(rule, "ipv6_cidr_blocks", null))
} else := [rule.cidr_ipv6] if {
	is_string(object.get(rule, "cidr_ipv6", null))
} else := []

# Network ACLs (inline `ingress` blocks, evaluated in rule_no order) that let the internet reach `port`: the first
# matching allow rule for 0.0.0.0/0 or ::/0 (all protocols, or a port range that covers the port) comes before any
# deny rule for the same traffic.
open_acls(port) := {acl |
	some acl in tf.resources("aws_network_acl")
	rules := tf.blocks(tf.after(acl), "ingress")
	allows := [rule.rule_no | some rule in rules; acl_rule_matches(rule, port, "allow")]
	count(allows) > 0
	denies := [rule.rule_no | some rule in rules; acl_rule_matches(rule, port, "deny")]
	not first_is_deny(min(allows), denies)
}

first_is_deny(allow_no, denies) if min(denies) < allow_no

# aws_network_acl_rule resources for ingress that let the internet reach `port`.
open_acl_rules(port) := {rc |
	some rc in tf.resources("aws_network_acl_rule")
	rule := tf.after(rc)
	not rule.egress == true
	acl_rule_matches(rule, port, "allow")
}

acl_rule_matches(rule, port, action) if {
	acl_action(rule) == action
	acl_world(rule)
	acl_covers(rule, port)
}

acl_action(rule) := rule.action

acl_action(rule) := rule.rule_action

acl_world(rule) if "0.0.0.0/0" in tf.as_list(rule.cidr_block)

acl_world(rule) if "::/0" in tf.as_list(rule.ipv6_cidr_block)

acl_covers(rule, _) if sprintf("%v", [rule.protocol]) in {"-1", "all"}

# A range starting at 0 does not count (as Checkov reads it); all protocols do.
acl_covers(rule, port) if {
	from := to_number(rule.from_port)
	to := to_number(rule.to_port)
	from != 0
	to != 0
	from <= port
	port <= to
}
