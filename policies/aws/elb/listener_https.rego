# METADATA
# title: "Load balancer listener uses HTTPS or redirects to it"
# description: "Listeners should terminate TLS (HTTPS/TLS) or pass TCP/UDP through; a plain HTTP listener passes only when its default action redirects to HTTPS."
# custom:
#   id: IACPAC_AWS_ELB_006
#   severity: medium
#   resource_types: [aws_lb_listener]
#   checkov: [CKV_AWS_2]
#   remediation: "Use protocol = \"HTTPS\" with a certificate, or make the HTTP listener redirect to HTTPS."
package iacpac.aws.elb.listener_https

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some listener in tf.resources("aws_lb_listener")
	not secure(listener)
	finding := {
		"address": listener.address,
		"message": sprintf("Listener %s accepts plain HTTP without redirecting to HTTPS", [listener.address]),
	}
}

secure(listener) if {
	tf.configured(listener, "protocol")
	tf.after(listener).protocol in {"HTTPS", "TLS", "TCP", "UDP", "TCP_UDP"}
}

secure(listener) if {
	tf.configured(listener, "protocol")
	tf.unknown(listener).protocol == true
}

secure(listener) if {
	tf.after(listener).protocol == "HTTP"
	action := tf.block(tf.after(listener), "default_action")
	action.type == "redirect"
	redirect := tf.block(action, "redirect")
	redirect.protocol in {"HTTPS", null}
}
