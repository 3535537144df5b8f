# METADATA
# title: "No default VPC is managed"
# description: "The default VPC has public subnets and permissive defaults; workloads belong in VPCs you design."
# custom:
#   id: IACPAC_AWS_VPC_006
#   severity: low
#   resource_types: [aws_default_vpc]
#   checkov: [CKV_AWS_148]
#   remediation: "Remove the aws_default_vpc resource and create a dedicated aws_vpc."
package iacpac.aws.vpc.no_default_vpc

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_default_vpc")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Default VPC %s is provisioned", [rc.address]),
	}
}

ok(rc) if false
