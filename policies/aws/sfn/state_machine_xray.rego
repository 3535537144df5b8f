# METADATA
# title: "Step Functions state machine has X-Ray tracing"
# description: "Tracing executions helps investigate errors and unexpected calls."
# custom:
#   id: IACPAC_AWS_SFN_001
#   severity: low
#   resource_types: [aws_sfn_state_machine]
#   checkov: [CKV_AWS_284]
#   remediation: "Add tracing_configuration { enabled = true }."
package iacpac.aws.sfn.state_machine_xray

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_sfn_state_machine")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("State machine %s does not enable X-Ray tracing", [rc.address]),
	}
}

ok(rc) if tf.block(tf.after(rc), "tracing_configuration").enabled == true
