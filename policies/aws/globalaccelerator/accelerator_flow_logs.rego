# METADATA
# title: "Global Accelerator has flow logs enabled"
# description: "Flow logs record the traffic that reaches the accelerator's listeners, which is needed to investigate attacks on the applications behind it. The accelerator passes when `attributes.flow_logs_enabled` is true."
# custom:
#   id: IACPAC_AWS_GLOBALACCELERATOR_001
#   severity: low
#   resource_types: [aws_globalaccelerator_accelerator]
#   checkov: [CKV_AWS_75]
#   remediation: "Add attributes { flow_logs_enabled = true, flow_logs_s3_bucket = ..., flow_logs_s3_prefix = ... }."
package iacpac.aws.globalaccelerator.accelerator_flow_logs

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_globalaccelerator_accelerator"]
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Global Accelerator %s has no flow logs", [rc.address]),
	}
}

ok(rc) if tf.block(tf.after(rc), "attributes").flow_logs_enabled == true

ok(rc) if {
	tf.block_configured(rc, "attributes", "flow_logs_enabled")
	tf.block(tf.unknown(rc), "attributes").flow_logs_enabled == true
}
