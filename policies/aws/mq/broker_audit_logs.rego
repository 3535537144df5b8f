# METADATA
# title: "MQ broker publishes audit logs"
# description: "Audit logs record management actions on an ActiveMQ broker."
# custom:
#   id: IACPAC_AWS_MQ_002
#   severity: low
#   resource_types: [aws_mq_broker]
#   checkov: [CKV_AWS_197]
#   remediation: "Add logs { audit = true }."
package iacpac.aws.mq.broker_audit_logs

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_mq_broker")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("MQ broker %s does not publish audit logs", [rc.address]),
	}
}

ok(rc) if tf.block(tf.after(rc), "logs").audit in {true, "true"}
