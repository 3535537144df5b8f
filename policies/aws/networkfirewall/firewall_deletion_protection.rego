# METADATA
# title: "Network Firewall has deletion protection"
# description: "Deletion protection stops the firewall that guards a VPC from being removed by mistake."
# custom:
#   id: IACPAC_AWS_NETWORKFIREWALL_001
#   severity: high
#   resource_types: [aws_networkfirewall_firewall]
#   checkov: [CKV_AWS_344]
#   remediation: "Set delete_protection = true."
package iacpac.aws.networkfirewall.firewall_deletion_protection

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_networkfirewall_firewall")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Network Firewall %s does not enable deletion protection", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "delete_protection", true)
