# METADATA
# title: "Subnet does not assign public IPs by default"
# description: "A subnet with `map_public_ip_on_launch = true` gives every instance launched in it a public address, exposing workloads that were meant to stay private."
# custom:
#   id: IACPAC_AWS_VPC_003
#   severity: low
#   resource_types: [aws_subnet]
#   checkov: [CKV_AWS_130]
#   remediation: "Remove map_public_ip_on_launch (or set it to false) and attach public addresses explicitly where needed."
package iacpac.aws.vpc.subnet_no_public_ip

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_subnet")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Subnet %s assigns a public IP address to every instance launched in it", [rc.address]),
	}
}

ok(rc) if not tf.after(rc).map_public_ip_on_launch == true
