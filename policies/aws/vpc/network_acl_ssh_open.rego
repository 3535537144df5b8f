# METADATA
# title: "Network ACL does not allow SSH (22) from the internet"
# description: "A network ACL rule that admits 0.0.0.0/0 or ::/0 on port 22 exposes SSH on every instance of the subnets. Network ACL ingress rules are read in rule_no order: the ACL fails when a rule allowing the internet on all protocols, or on a port range that covers 22, comes before any rule denying that traffic. Ingress `aws_network_acl_rule` resources that allow it fail too."
# custom:
#   id: IACPAC_AWS_VPC_010
#   severity: low
#   resource_types: [aws_network_acl, aws_network_acl_rule]
#   checkov: [CKV_AWS_232]
#   remediation: "Allow port 22 only from known address ranges, or add a lower-numbered deny rule for it."
package iacpac.aws.vpc.network_acl_ssh_open

import rego.v1

import data.iacpac.lib.terraform as tf
import data.iacpac.lib.network

port := 22

deny contains finding if {
	some rc in network.open_acls(port) | network.open_acl_rules(port)
	finding := {
		"address": rc.address,
		"message": sprintf("%s allows ingress from the internet to port %d", [rc.address, port]),
	}
}
