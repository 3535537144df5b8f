# METADATA
# title: "HTTPS/TLS listener uses a policy without weak ciphers"
# description: "HTTPS and TLS listeners should name a security policy that excludes TLS 1.0/1.1 and weak ciphers. A listener without ssl_policy gets the provider default ELBSecurityPolicy-2016-08 and fails, as do the other legacy policies (ELBSecurityPolicy-2014-01 to -2016-08, -Default, -TLS-1-0-2015-04, -TLS-1-1-2017-01)."
# custom:
#   id: IACPAC_AWS_ELB_010
#   severity: low
#   resource_types: [aws_lb_listener, aws_alb_listener]
#   checkov: [CKV2_AWS_74]
#   remediation: "Set ssl_policy = \"ELBSecurityPolicy-TLS13-1-2-2021-06\" or \"ELBSecurityPolicy-FS-1-2-Res-2020-10\"."
package iacpac.aws.elb.listener_strong_ciphers

import rego.v1

import data.iacpac.lib.terraform as tf

# Security policies that still allow TLS 1.0/1.1 or CBC/SHA-1 ciphers (the provider default is ELBSecurityPolicy-2016-08).
weak_policies := {
	"ELBSecurityPolicy-2016-08", "ELBSecurityPolicy-2015-05", "ELBSecurityPolicy-TLS-1-0-2015-04",
	"ELBSecurityPolicy-TLS-1-1-2017-01", "ELBSecurityPolicy-2015-03", "ELBSecurityPolicy-2015-02",
	"ELBSecurityPolicy-2014-10", "ELBSecurityPolicy-Default", "ELBSecurityPolicy-2014-01",
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

strong(listener) if {
	tf.configured(listener, "ssl_policy")
	not object.get(tf.after(listener), "ssl_policy", null) in weak_policies
}
