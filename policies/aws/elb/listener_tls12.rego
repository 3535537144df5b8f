# METADATA
# title: "Load balancer listener requires TLS 1.2 or newer"
# description: "HTTPS and TLS listeners should use an `ssl_policy` that only offers TLS 1.2+ (ELBSecurityPolicy-TLS-1-2*, -FS-1-2*, -TLS13*). TCP/UDP listeners, HTTP listeners that redirect to HTTPS and listeners of gateway load balancers pass; other HTTP listeners fail."
# custom:
#   id: IACPAC_AWS_ELB_007
#   severity: high
#   resource_types: [aws_lb_listener, aws_alb_listener, aws_lb]
#   checkov: [CKV_AWS_103]
#   remediation: "Set ssl_policy = \"ELBSecurityPolicy-TLS13-1-2-2021-06\" (or another TLS 1.2+ policy) and serve HTTPS."
#   fix:
#     when: {protocol: [HTTPS, TLS]}
#     set:
#       ssl_policy: ELBSecurityPolicy-TLS13-1-2-2021-06
package iacpac.aws.elb.listener_tls12

import rego.v1

import data.iacpac.lib.terraform as tf

policy_prefixes := ["ELBSecurityPolicy-FS-1-2", "ELBSecurityPolicy-TLS-1-2", "ELBSecurityPolicy-TLS13"]

deny contains finding if {
	some resource_type in {"aws_lb_listener", "aws_alb_listener"}
	some listener in tf.resources(resource_type)
	not modern(listener)
	finding := {
		"address": listener.address,
		"message": sprintf("Listener %s does not enforce TLS 1.2 or newer", [listener.address]),
	}
}

modern(listener) if tf.after(listener).protocol in {"TCP", "UDP", "TCP_UDP"}

modern(listener) if {
	tf.after(listener).protocol in {"HTTPS", "TLS"}
	some prefix in policy_prefixes
	startswith(tf.after(listener).ssl_policy, prefix)
}

modern(listener) if {
	tf.after(listener).protocol in {"HTTPS", "TLS"}
	tf.configured(listener, "ssl_policy")
	tf.unknown(listener).ssl_policy == true
}

modern(listener) if {
	some action in tf.blocks(tf.after(listener), "default_action")
	action.type == "redirect"
	some redirect in tf.blocks(action, "redirect")
	redirect.protocol == "HTTPS"
}

modern(listener) if {
	some lb in tf.connected_resources(listener, "aws_lb")
	tf.after(lb).load_balancer_type == "gateway"
}

modern(listener) if {
	tf.configured(listener, "protocol")
	tf.unknown(listener).protocol == true
}
