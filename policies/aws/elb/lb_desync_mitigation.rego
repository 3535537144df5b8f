# METADATA
# title: "Load balancer uses defensive or strictest desync mitigation"
# description: "The `monitor` mode lets HTTP desync (request smuggling) attempts through to the targets."
# custom:
#   id: IACPAC_AWS_ELB_015
#   severity: high
#   resource_types: [aws_alb, aws_elb, aws_lb]
#   checkov: [CKV_AWS_328]
#   remediation: "Set desync_mitigation_mode = \"defensive\" or \"strictest\"."
package iacpac.aws.elb.lb_desync_mitigation

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_alb", "aws_elb", "aws_lb"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Load balancer %s does not mitigate HTTP desync attacks", [rc.address]),
	}
}

ok(rc) if not tf.after(rc).desync_mitigation_mode == "monitor"
