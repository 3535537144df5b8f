# METADATA
# title: "EC2 instance has no public IP address"
# description: "An instance with a public address is reachable from the internet as soon as a security group allows it; put it behind a load balancer or NAT instead. Instances that set `associate_public_ip_address = true` and launch templates whose first network interface does fail."
# custom:
#   id: IACPAC_AWS_EC2_014
#   severity: high
#   resource_types: [aws_instance, aws_launch_template]
#   checkov: [CKV_AWS_88]
#   remediation: "Remove associate_public_ip_address = true (or set it to false)."
package iacpac.aws.ec2.instance_no_public_ip

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_launch_template")
	# The launch template schema holds this flag as a string.
	lower(sprintf("%v", [tf.block(tf.after(rc), "network_interfaces").associate_public_ip_address])) == "true"
	finding := {
		"address": rc.address,
		"message": sprintf("Launch template %s gives instances a public IP address", [rc.address]),
	}
}

deny contains finding if {
	some rc in tf.resources("aws_instance")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("EC2 instance %s is given a public IP address", [rc.address]),
	}
}

ok(rc) if not tf.after(rc).associate_public_ip_address == true
