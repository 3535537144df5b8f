# METADATA
# title: "ECS service does not assign public IP addresses"
# description: "Tasks with public addresses are reachable from the internet when a security group allows it."
# custom:
#   id: IACPAC_AWS_ECS_002
#   severity: low
#   resource_types: [aws_ecs_service]
#   checkov: [CKV_AWS_333]
#   remediation: "Set network_configuration.assign_public_ip = false."
package iacpac.aws.ecs.service_no_public_ip

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_ecs_service")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("ECS service %s assigns public IP addresses to its tasks", [rc.address]),
	}
}

ok(rc) if not tf.block(tf.after(rc), "network_configuration").assign_public_ip == true
