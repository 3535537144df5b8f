# METADATA
# title: "Classic load balancer listeners use TLS/SSL"
# description: "Every listener of a classic load balancer should reach its instances over HTTPS or SSL with a certificate, so traffic is encrypted in transit: a listener whose instance_protocol is HTTP or TCP fails, and so does an HTTPS/SSL one without ssl_certificate_id."
# custom:
#   id: IACPAC_AWS_ELB_012
#   severity: low
#   resource_types: [aws_elb]
#   checkov: [CKV_AWS_376]
#   remediation: "Set instance_protocol to \"https\" or \"ssl\" on every listener, with ssl_certificate_id naming an ACM or IAM certificate."
package iacpac.aws.elb.classic_elb_listener_tls

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_elb")
	some listener in tf.blocks(tf.after(rc), "listener")
	not secure(listener)
	finding := {
		"address": rc.address,
		"message": sprintf("Classic load balancer %s has a listener without TLS/SSL to its instances", [rc.address]),
	}
}

secure(listener) if not is_string(object.get(listener, "instance_protocol", null))

secure(listener) if {
	lower(listener.instance_protocol) in {"https", "ssl"}
	not tf.empty(object.get(listener, "ssl_certificate_id", null))
}

secure(listener) if not lower(listener.instance_protocol) in {"http", "tcp", "https", "ssl"}
