# METADATA
# title: "HTTP(S) target group defines a health check path"
# description: "Without an explicit health check path the load balancer keeps routing to targets whose application is broken."
# custom:
#   id: IACPAC_AWS_ELB_008
#   severity: low
#   resource_types: [aws_alb_target_group, aws_lb_target_group]
#   checkov: [CKV_AWS_261]
#   remediation: "Add health_check { path = \"/health\" } to the HTTP/HTTPS target group."
package iacpac.aws.elb.target_group_health_check

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_alb_target_group", "aws_lb_target_group"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Target group %s has no health check path", [rc.address]),
	}
}

ok(rc) if not object.get(tf.after(rc), "protocol", null) in {"HTTP", "HTTPS"}

ok(rc) if {
	tf.configured(rc, "health_check")
	tf.block_set(rc, "health_check", "path")
}
