# METADATA
# title: "Classic load balancer listeners use TLS/SSL"
# description: "Every listener of a classic load balancer should accept HTTPS or SSL only, so traffic is encrypted in transit."
# custom:
#   id: IACPAC_AWS_ELB_012
#   severity: low
#   resource_types: [aws_elb]
#   checkov: [CKV_AWS_376]
#   remediation: "Change lb_protocol to \"https\" or \"ssl\" on every listener."
package iacpac.aws.elb.classic_elb_listener_tls

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_elb")
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Classic load balancer %s has a listener without TLS/SSL", [rc.address]),
	}
}

ok(rc) if {
	every listener in tf.blocks(tf.after(rc), "listener") {
		lower(listener.lb_protocol) in {"https", "ssl"}
	}
}
