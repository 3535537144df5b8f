# METADATA
# title: "MQ broker publishes general logs"
# description: "General broker logs record connections and errors for troubleshooting and investigations."
# custom:
#   id: IACPAC_AWS_MQ_001
#   severity: medium
#   resource_types: [aws_mq_broker]
#   checkov: [CKV_AWS_48]
#   remediation: "Add logs { general = true }."
package iacpac.aws.mq.broker_general_logs

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_mq_broker")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("MQ broker %s does not publish general logs", [rc.address]),
	}
}

ok(rc) if tf.block(tf.after(rc), "logs").general in {true, "true"}
