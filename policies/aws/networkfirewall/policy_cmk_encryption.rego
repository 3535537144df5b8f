# METADATA
# title: "Network Firewall policy is encrypted with a customer managed key"
# description: "Firewall policies are encrypted with an AWS owned key unless `encryption_configuration.key_id` names a customer managed key. Policies without a key id fail."
# custom:
#   id: IACPAC_AWS_NETWORKFIREWALL_004
#   severity: high
#   resource_types: [aws_networkfirewall_firewall_policy]
#   checkov: [CKV_AWS_346]
#   remediation: "Add encryption_configuration { type = \"CUSTOMER_KMS\", key_id = <KMS key ARN> } to the firewall policy."
package iacpac.aws.networkfirewall.policy_cmk_encryption

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_networkfirewall_firewall_policy")
	not tf.set_at(rc, ["encryption_configuration", 0, "key_id"])
	finding := {
		"address": rc.address,
		"message": sprintf("Firewall policy %s is not encrypted with a customer managed KMS key", [rc.address]),
	}
}
