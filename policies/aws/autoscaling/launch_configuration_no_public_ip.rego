# METADATA
# title: "Launch configuration does not give instances public IPs"
# description: "Instances launched with a public IP address are reachable from the internet as soon as a security group allows it. Launch configurations fail when they set `associate_public_ip_address = true`."
# custom:
#   id: IACPAC_AWS_AUTOSCALING_004
#   severity: medium
#   resource_types: [aws_launch_configuration]
#   checkov: [CKV_AWS_389]
#   remediation: "Remove associate_public_ip_address = true; put instances in private subnets behind a load balancer or NAT."
package iacpac.aws.autoscaling.launch_configuration_no_public_ip

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_launch_configuration")
	tf.after(rc).associate_public_ip_address == true
	finding := {
		"address": rc.address,
		"message": sprintf("Launch configuration %s gives instances public IP addresses", [rc.address]),
	}
}
