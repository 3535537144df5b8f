# METADATA
# title: "Transfer Family server uses a recent security policy"
# description: "Transfer security policies are dated; older ones still allow weak ciphers and key exchanges. A server passes when `security_policy_name` carries a date no more than 24 months before August 2026 (the release of Checkov 3.3.13, to which the window is pinned so results do not change with the clock); leaving it out uses TransferSecurityPolicy-2018-11 and fails."
# custom:
#   id: IACPAC_AWS_TRANSFER_003
#   severity: low
#   resource_types: [aws_transfer_server]
#   checkov: [CKV_AWS_380]
#   remediation: "Set security_policy_name to a current policy (e.g. TransferSecurityPolicy-2025-03)."
package iacpac.aws.transfer.server_recent_security_policy

import rego.v1

import data.iacpac.lib.terraform as tf

# The window is counted back from August 2026 (Checkov 3.3.13).
reference_month := (2026 * 12) + 8

deny contains finding if {
	some rc in tf.resources("aws_transfer_server")
	not recent(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Transfer server %s uses an outdated security policy", [rc.address]),
	}
}

recent(rc) if {
	tf.configured(rc, "security_policy_name")
	dates := regex.find_all_string_submatch_n(`(\d{4})-(\d{2})`, tf.after(rc).security_policy_name, 1)
	month := (to_number(dates[0][1]) * 12) + to_number(dates[0][2])
	reference_month - month < 24
}

recent(rc) if {
	tf.configured(rc, "security_policy_name")
	tf.unknown(rc).security_policy_name == true
}
