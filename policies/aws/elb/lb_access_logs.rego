# METADATA
# title: "Load balancer writes access logs"
# description: "Access logs record every request the load balancer receives, for investigations and traffic analysis. Gateway load balancers, which have no access logs, are not judged."
# custom:
#   id: IACPAC_AWS_ELB_002
#   severity: info
#   resource_types: [aws_alb, aws_lb]
#   checkov: [CKV_AWS_91]
#   remediation: "Add access_logs { bucket = \"...\", enabled = true }."
package iacpac.aws.elb.lb_access_logs

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_alb", "aws_lb"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Load balancer %s does not write access logs", [rc.address]),
	}
}

ok(rc) if tf.after(rc).load_balancer_type == "gateway"

ok(rc) if tf.block(tf.after(rc), "access_logs").enabled == true

ok(rc) if tf.block(tf.unknown(rc), "access_logs").enabled == true
