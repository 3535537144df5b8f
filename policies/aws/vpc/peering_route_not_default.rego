# METADATA
# title: "Routes to a VPC peering connection do not cover all traffic"
# description: "A route of 0.0.0.0/0 or ::/0 through a peering connection sends everything, including internet-bound traffic, into the peer VPC. Routes and route table routes with a `vpc_peering_connection_id` must name the peer's CIDR ranges instead."
# custom:
#   id: IACPAC_AWS_VPC_013
#   severity: low
#   resource_types: [aws_route, aws_route_table]
#   checkov: [CKV2_AWS_44]
#   remediation: "Route only the peer VPC's CIDR blocks to the peering connection."
package iacpac.aws.vpc.peering_route_not_default

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_route")
	route := tf.after(rc)
	tf.set(rc, "vpc_peering_connection_id")
	open_destination(route.destination_cidr_block, object.get(route, "destination_ipv6_cidr_block", null))
	finding := {
		"address": rc.address,
		"message": sprintf("Route %s sends all traffic to a VPC peering connection", [rc.address]),
	}
}

deny contains finding if {
	some rc in tf.resources("aws_route_table")
	some route in object.get(tf.after(rc), "route", [])
	not tf.empty(object.get(route, "vpc_peering_connection_id", null))
	open_destination(object.get(route, "cidr_block", null), object.get(route, "ipv6_cidr_block", null))
	finding := {
		"address": rc.address,
		"message": sprintf("Route table %s sends all traffic to a VPC peering connection", [rc.address]),
	}
}

open_destination(ipv4, _) if ipv4 == "0.0.0.0/0"

open_destination(_, ipv6) if ipv6 == "::/0"
