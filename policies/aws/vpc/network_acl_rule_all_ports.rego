# METADATA
# title: "Network ACL ingress rule names a port range"
# description: "An ingress network ACL rule without a from_port (or with 0) covers every port. Ingress `aws_network_acl_rule` resources must set a non-zero `from_port`."
# custom:
#   id: IACPAC_AWS_VPC_011
#   severity: high
#   resource_types: [aws_network_acl_rule]
#   checkov: [CKV_AWS_352]
#   remediation: "Set from_port and to_port to the ports the rule is meant for."
package iacpac.aws.vpc.network_acl_rule_all_ports

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_network_acl_rule")
	rule := tf.after(rc)
	not rule.egress == true
	not port_set(rc, rule)
	finding := {
		"address": rc.address,
		"message": sprintf("Network ACL rule %s applies to every port", [rc.address]),
	}
}

port_set(_, rule) if {
	is_number(rule.from_port)
	rule.from_port != 0
}

port_set(rc, _) if tf.unknown(rc).from_port == true
