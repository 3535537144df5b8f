# METADATA
# title: "Step Functions state machine logs execution history"
# description: "Execution history logs record every state transition and error."
# custom:
#   id: IACPAC_AWS_SFN_002
#   severity: medium
#   resource_types: [aws_sfn_state_machine]
#   checkov: [CKV_AWS_285]
#   remediation: "Add logging_configuration { level = \"ALL\", include_execution_data = true, log_destination = ... }."
package iacpac.aws.sfn.state_machine_logging

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_sfn_state_machine")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("State machine %s does not log execution history", [rc.address]),
	}
}

ok(rc) if {
	config := tf.block(tf.after(rc), "logging_configuration")
	config.level in {"ALL", "ERROR", "FATAL"}
}
