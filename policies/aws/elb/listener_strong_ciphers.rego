# METADATA
# title: "HTTPS/TLS listener uses a policy without weak ciphers"
# description: "HTTPS and TLS listeners should use one of the forward-secrecy or TLS 1.3 security policies that exclude weak ciphers (ELBSecurityPolicy-TLS13-*, ELBSecurityPolicy-FS-1-2-Res-*, ELBSecurityPolicy-TLS-1-2-Ext-2018-06)."
# custom:
#   id: IACPAC_AWS_ELB_010
#   severity: low
#   resource_types: [aws_lb_listener, aws_alb_listener]
#   checkov: [CKV2_AWS_74]
#   remediation: "Set ssl_policy = \"ELBSecurityPolicy-TLS13-1-2-2021-06\" or \"ELBSecurityPolicy-FS-1-2-Res-2020-10\"."
package iacpac.aws.elb.listener_strong_ciphers

import rego.v1

import data.iacpac.lib.terraform as tf

strong_policies := {
	"ELBSecurityPolicy-TLS13-1-2-2021-06", "ELBSecurityPolicy-TLS13-1-2-Res-2021-06", "ELBSecurityPolicy-TLS13-1-3-2021-06",
	"ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06", "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
	"ELBSecurityPolicy-FS-1-2-Res-2019-08", "ELBSecurityPolicy-FS-1-2-Res-2020-10", "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
}

deny contains finding if {
	some resource_type in {"aws_lb_listener", "aws_alb_listener"}
	some listener in tf.resources(resource_type)
	tf.after(listener).protocol in {"HTTPS", "TLS"}
	not strong(listener)
	finding := {
		"address": listener.address,
		"message": sprintf("Listener %s uses a security policy that allows weak ciphers", [listener.address]),
	}
}

strong(listener) if tf.after(listener).ssl_policy in strong_policies

strong(listener) if {
	tf.configured(listener, "ssl_policy")
	tf.unknown(listener).ssl_policy == true
}
