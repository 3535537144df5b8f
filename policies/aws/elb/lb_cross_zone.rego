# METADATA
# title: "Network/gateway load balancer balances across zones"
# description: "Cross-zone load balancing spreads traffic over targets in every enabled zone, so one zone's failure does not overload the rest. Application load balancers always do this and are not judged."
# custom:
#   id: IACPAC_AWS_ELB_004
#   severity: info
#   resource_types: [aws_alb, aws_lb]
#   checkov: [CKV_AWS_152]
#   remediation: "Set enable_cross_zone_load_balancing = true on the network or gateway load balancer."
package iacpac.aws.elb.lb_cross_zone

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_alb", "aws_lb"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Load balancer %s does not enable cross-zone load balancing", [rc.address]),
	}
}

ok(rc) if not object.get(tf.after(rc), "load_balancer_type", null) in {"network", "gateway"}

ok(rc) if tf.value_or_unknown(rc, "enable_cross_zone_load_balancing", true)
