# METADATA
# title: "Step Functions state machine logs execution history"
# description: "Execution history logs record every state transition and error; they only carry the execution's input and output when the logging configuration sets `include_execution_data = true`, which the state machine must do."
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

ok(rc) if tf.block(tf.after(rc), "logging_configuration").include_execution_data == true

ok(rc) if tf.block(tf.unknown(rc), "logging_configuration").include_execution_data == true
