# METADATA
# title: "Elastic IP is allocated in a VPC and attached to an instance"
# description: "An Elastic IP that is not attached to an instance costs money and may be re-attached by mistake. The address passes only when it is in a VPC (`vpc = true`, or `domain = \"vpc\"` in provider 5.x) and something uses it: an `aws_instance`, NAT gateway or Transfer server connected to it, an `aws_eip_association` with an `instance_id`, or an `instance` taken from a module or data source."
# custom:
#   id: IACPAC_AWS_EC2_015
#   severity: low
#   resource_types: [aws_eip]
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
	used(eip)
}

in_vpc(eip) if tf.after(eip).vpc == true

in_vpc(eip) if tf.after(eip).domain == "vpc"

used(eip) if {
	some resource_type in ["aws_instance", "aws_nat_gateway", "aws_transfer_server"]
	count(tf.connected_resources(eip, resource_type)) > 0
}

# An aws_eip_association that ties the address to an instance.
used(eip) if {
	some association in tf.connected_resources(eip, "aws_eip_association")
	tf.set(association, "instance_id")
}

# An instance from another module or a data source.
used(eip) if {
	some ref in tf.attribute_references(eip, "instance")
	regex.match(`^(module|data)\.`, ref)
}
