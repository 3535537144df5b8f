# METADATA
# title: "VPC Elastic IP is attached to an instance"
# description: "An Elastic IP allocated in a VPC but attached to nothing costs money and may be re-attached by mistake. The address passes when it is connected to an `aws_instance` (through `instance` or an `aws_eip_association`); EIPs for NAT gateways and other network interfaces are not judged."
# custom:
#   id: IACPAC_AWS_EC2_015
#   severity: low
#   resource_types: [aws_eip, aws_eip_association]
#   checkov: [CKV2_AWS_19]
#   remediation: "Attach the Elastic IP to its instance with instance = aws_instance.<name>.id, or release it."
package iacpac.aws.ec2.eip_attached_to_instance

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some eip in tf.resources("aws_eip")
	in_vpc(eip)
	not attached(eip)
	finding := {
		"address": eip.address,
		"message": sprintf("Elastic IP %s is not attached to an EC2 instance", [eip.address]),
	}
}

in_vpc(eip) if tf.after(eip).vpc == true

in_vpc(eip) if tf.after(eip).domain == "vpc"

attached(eip) if {
	count(tf.connected_resources(eip, "aws_instance")) > 0
	tf.set(eip, "instance")
}

attached(eip) if {
	some association in tf.connected_resources(eip, "aws_eip_association")
	count(tf.connected_resources(association, "aws_instance")) > 0
}

attached(eip) if tf.set(eip, "network_interface")

attached(eip) if tf.configured(eip, "associate_with_private_ip")

attached(eip) if count(tf.connected_resources(eip, "aws_nat_gateway")) > 0
