# METADATA
# title: "Application load balancer drops invalid HTTP headers"
# description: "Dropping header fields with invalid names protects backends from request smuggling and header injection."
# custom:
#   id: IACPAC_AWS_ELB_003
#   severity: medium
#   resource_types: [aws_alb, aws_lb]
#   checkov: [CKV_AWS_131]
#   remediation: "Set drop_invalid_header_fields = true on the application load balancer."
#   fix:
#     set:
#       drop_invalid_header_fields: true
package iacpac.aws.elb.alb_drop_invalid_headers

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_alb", "aws_lb"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Application load balancer %s does not drop invalid HTTP header fields", [rc.address]),
	}
}

ok(rc) if tf.after(rc).load_balancer_type in {"network", "gateway"}

ok(rc) if tf.value_or_unknown(rc, "drop_invalid_header_fields", true)
