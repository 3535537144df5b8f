# METADATA
# title: "Load balancer has deletion protection"
# description: "Deletion protection keeps a production entry point from being removed by a mistaken destroy."
# custom:
#   id: IACPAC_AWS_ELB_001
#   severity: low
#   resource_types: [aws_alb, aws_lb]
#   checkov: [CKV_AWS_150]
#   remediation: "Set enable_deletion_protection = true on the aws_lb."
#   fix:
#     set:
#       enable_deletion_protection: true
package iacpac.aws.elb.lb_deletion_protection

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_alb", "aws_lb"}
	some rc in tf.resources(resource_type)
	not ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Load balancer %s does not enable deletion protection", [rc.address]),
	}
}

ok(rc) if tf.configured_value(rc, "enable_deletion_protection", true)
