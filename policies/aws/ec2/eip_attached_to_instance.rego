# METADATA
# title: "Elastic IP is allocated in a VPC and attached to an instance"
# description: "An Elastic IP that is not attached to an instance costs money and may be re-attached by mistake. As in Checkov's check, the address passes only when it is in a VPC (`vpc = true`, or `domain = \"vpc\"` in provider 5.x), sets `instance` and references an `aws_instance` of the configuration."
# custom:
#   id: IACPAC_AWS_EC2_015
#   severity: low
#   resource_types: [aws_eip, aws_eip_association]
#   checkov: [CKV2_AWS_19]
#   remediation: "Attach the Elastic IP to its instance with domain = \"vpc\" and instance = aws_instance.<name>.id, or release it."
package iacpac.aws.ec2.eip_attached_to_instance

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some eip in tf.resources("aws_eip")
	not attached(eip)
	finding := {
		"address": eip.address,
		"message": sprintf("Elastic IP %s is not a VPC address attached to an EC2 instance", [eip.address]),
	}
}

attached(eip) if {
	in_vpc(eip)
	tf.set(eip, "instance")
	count(tf.connected_resources(eip, "aws_instance")) > 0
}

in_vpc(eip) if tf.after(eip).vpc == true

in_vpc(eip) if tf.after(eip).domain == "vpc"
