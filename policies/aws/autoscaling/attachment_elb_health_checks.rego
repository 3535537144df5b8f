# METADATA
# title: "Auto Scaling group attached to a load balancer uses its health checks"
# description: "An Auto Scaling group behind a load balancer should replace instances the load balancer finds unhealthy, not only ones whose EC2 status check fails. An `aws_autoscaling_attachment` passes when the group it attaches sets `health_check_type = \"ELB\"` and the classic load balancer or target group it attaches to has a `health_check` block."
# custom:
#   id: IACPAC_AWS_AUTOSCALING_003
#   severity: low
#   resource_types: [aws_autoscaling_attachment]
#   checkov: [CKV2_AWS_15]
#   remediation: "Set health_check_type = \"ELB\" on the aws_autoscaling_group and define a health_check on the load balancer or target group."
package iacpac.aws.autoscaling.attachment_elb_health_checks

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some attachment in tf.resources("aws_autoscaling_attachment")
	not healthy(attachment)
	finding := {
		"address": attachment.address,
		"message": sprintf("%s attaches a group that does not use the load balancer's health checks", [attachment.address]),
	}
}

healthy(attachment) if {
	some group in tf.connected_resources(attachment, "aws_autoscaling_group")
	tf.after(group).health_check_type == "ELB"
	some resource_type in ["aws_elb", "aws_lb_target_group"]
	some target in tf.connected_resources(attachment, resource_type)
	tf.configured(target, "health_check")
}
