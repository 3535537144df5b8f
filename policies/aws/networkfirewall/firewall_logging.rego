# METADATA
# title: "Network Firewall has a logging configuration"
# description: "Flow and alert logs are the only record of what a Network Firewall allowed or dropped. Firewalls that no `aws_networkfirewall_logging_configuration` refers to fail."
# custom:
#   id: IACPAC_AWS_NETWORKFIREWALL_002
#   severity: info
#   resource_types: [aws_networkfirewall_firewall]
#   checkov: [CKV2_AWS_63]
#   remediation: "Add an aws_networkfirewall_logging_configuration with firewall_arn = the firewall ARN and at least one log destination."
package iacpac.aws.networkfirewall.firewall_logging

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_networkfirewall_firewall")
	count(tf.connected_resources(rc, "aws_networkfirewall_logging_configuration")) == 0
	finding := {
		"address": rc.address,
		"message": sprintf("Network Firewall %s has no logging configuration", [rc.address]),
	}
}
