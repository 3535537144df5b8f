# METADATA
# title: "Application load balancer redirects HTTP to HTTPS"
# description: "A plain-HTTP listener lets clients send credentials and cookies unencrypted. A load balancer passes when no listener is connected to it, or when a connected listener either uses another port and protocol than 80/HTTP, or on port 80/HTTP has a default action that redirects to port 443 over HTTPS."
# custom:
#   id: IACPAC_AWS_ELB_016
#   severity: low
#   resource_types: [aws_lb, aws_alb]
#   checkov: [CKV2_AWS_20]
#   remediation: "Make the port 80 listener's default_action a redirect { port = \"443\", protocol = \"HTTPS\", status_code = \"HTTP_301\" }, and serve traffic on an HTTPS listener."
package iacpac.aws.elb.alb_http_redirect

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_lb", "aws_alb"]
	some lb in tf.resources(resource_type)
	listeners := listeners_of(lb)
	count(listeners) > 0
	not some_listener_ok(listeners)
	finding := {
		"address": lb.address,
		"message": sprintf("Load balancer %s serves HTTP without redirecting it to HTTPS", [lb.address]),
	}
}

listeners_of(lb) := array.concat(tf.connected_resources(lb, "aws_lb_listener"), tf.connected_resources(lb, "aws_alb_listener"))

some_listener_ok(listeners) if {
	some listener in listeners
	listener_ok(tf.after(listener))
}

# Neither port 80 nor HTTP.
listener_ok(listener) if {
	not port_80(listener)
	object.get(listener, "protocol", null) != "HTTP"
}

# Port 80 over HTTP, redirected to HTTPS on 443.
listener_ok(listener) if {
	port_80(listener)
	listener.protocol == "HTTP"
	some action in tf.blocks(listener, "default_action")
	action.type == "redirect"
	some redirect in tf.blocks(action, "redirect")
	redirect.port == "443"
	redirect.protocol == "HTTPS"
}

port_80(listener) if to_number(listener.port) == 80
