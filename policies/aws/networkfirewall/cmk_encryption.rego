# METADATA
# title: "Network Firewall and its rule groups are encrypted with a customer managed key"
# description: "Without an `encryption_configuration.key_id`, Network Firewall encrypts firewall and rule group data with an AWS owned key that you cannot audit or revoke. Firewalls and rule groups without a key id fail."
# custom:
#   id: IACPAC_AWS_NETWORKFIREWALL_003
#   severity: high
#   resource_types: [aws_networkfirewall_firewall, aws_networkfirewall_rule_group]
#   checkov: [CKV_AWS_345]
#   remediation: "Add encryption_configuration { type = \"CUSTOMER_KMS\", key_id = <KMS key ARN> }."
package iacpac.aws.networkfirewall.cmk_encryption

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_networkfirewall_firewall", "aws_networkfirewall_rule_group"]
	some rc in tf.resources(resource_type)
	not tf.set_at(rc, ["encryption_configuration", 0, "key_id"])
	finding := {
		"address": rc.address,
		"message": sprintf("%s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}
