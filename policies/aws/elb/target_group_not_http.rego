# METADATA
# title: "Load balancer does not forward plain HTTP end to end"
# description: "A target group that speaks plain HTTP is acceptable only behind a listener that terminates TLS. The target group fails when its protocol is HTTP and no connected listener uses a protocol other than HTTP."
# custom:
#   id: IACPAC_AWS_ELB_009
#   severity: medium
#   resource_types: [aws_lb_target_group, aws_alb_target_group, aws_lb_listener]
#   checkov: [CKV_AWS_378]
#   remediation: "Use protocol = \"HTTPS\" on the target group, or put it behind an HTTPS listener."
package iacpac.aws.elb.target_group_not_http

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_lb_target_group", "aws_alb_target_group"}
	some group in tf.resources(resource_type)
	tf.after(group).protocol == "HTTP"
	not behind_tls(group)
	finding := {
		"address": group.address,
		"message": sprintf("Target group %s uses plain HTTP and no listener in front of it terminates TLS", [group.address]),
	}
}

behind_tls(group) if {
	some resource_type in {"aws_lb_listener", "aws_alb_listener"}
	some listener in tf.connected_resources(group, resource_type)
	not tf.after(listener).protocol == "HTTP"
}
