# METADATA
# title: "MQ broker is not publicly accessible"
# description: "A public broker endpoint exposes the message bus to the internet."
# custom:
#   id: IACPAC_AWS_MQ_003
#   severity: low
#   resource_types: [aws_mq_broker]
#   checkov: [CKV_AWS_69]
#   remediation: "Set publicly_accessible = false."
package iacpac.aws.mq.broker_not_public

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_mq_broker")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("MQ broker %s is publicly accessible", [rc.address]),
	}
}

ok(rc) if not tf.configured(rc, "publicly_accessible")

ok(rc) if not tf.after(rc).publicly_accessible == true
