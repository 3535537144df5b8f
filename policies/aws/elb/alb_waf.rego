# METADATA
# title: "Internet-facing application load balancer is protected by WAF"
# description: "A public application load balancer should have a WAF web ACL associated (wafv2 or WAF Regional) to filter common web attacks. Internal, network and gateway load balancers pass."
# custom:
#   id: IACPAC_AWS_ELB_005
#   severity: low
#   resource_types: [aws_lb, aws_alb, aws_wafv2_web_acl_association]
#   checkov: [CKV2_AWS_28]
#   remediation: "Add an aws_wafv2_web_acl_association with resource_arn = aws_lb.<name>.arn."
package iacpac.aws.elb.alb_waf

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_lb", "aws_alb"}
	some lb in tf.resources(resource_type)
	not protected(lb)
	finding := {
		"address": lb.address,
		"message": sprintf("Internet-facing load balancer %s has no WAF web ACL", [lb.address]),
	}
}

protected(lb) if {
	some resource_type in {"aws_wafv2_web_acl_association", "aws_wafregional_web_acl_association"}
	count(tf.connected_resources(lb, resource_type)) > 0
}

protected(lb) if tf.after(lb).internal == true

protected(lb) if tf.after(lb).load_balancer_type in {"network", "gateway"}
