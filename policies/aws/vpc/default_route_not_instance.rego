# METADATA
# title: "Default route does not go through an EC2 instance"
# description: "Sending the default route (0.0.0.0/0) to a self-managed NAT instance makes a single instance the internet path of the subnet, without the availability and patching of a NAT gateway. An `aws_route` to 0.0.0.0/0, or a route table route for 0.0.0.0/0, fails when it sets `instance_id` (an argument of older provider versions: provider 5.x computes it, so only such configurations can set it)."
# custom:
#   id: IACPAC_AWS_VPC_012
#   severity: low
#   resource_types: [aws_route, aws_route_table]
#   checkov: [CKV2_AWS_35]
#   remediation: "Route 0.0.0.0/0 to an aws_nat_gateway (nat_gateway_id) instead of an instance."
package iacpac.aws.vpc.default_route_not_instance

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_route")
	tf.after(rc).destination_cidr_block == "0.0.0.0/0"
	tf.configured(rc, "instance_id")
	tf.set(rc, "instance_id")
	finding := {
		"address": rc.address,
		"message": sprintf("Route %s sends the default route to an EC2 instance", [rc.address]),
	}
}

deny contains finding if {
	some rc in tf.resources("aws_route_table")
	some i, route in object.get(tf.after(rc), "route", [])
	route.cidr_block == "0.0.0.0/0"
	tf.set_at(rc, ["route", i, "instance_id"])
	finding := {
		"address": rc.address,
		"message": sprintf("Route table %s sends the default route to an EC2 instance", [rc.address]),
	}
}
