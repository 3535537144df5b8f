# METADATA
# title: "WAF web ACL of a load balancer blocks Log4j exploit attempts"
# description: "When an internet-facing load balancer is associated with a WAFv2 web ACL, that web ACL should include the AWS managed rule groups AWSManagedRulesKnownBadInputsRuleSet (Log4Shell, CVE-2021-44228, request patterns) and AWSManagedRulesAnonymousIpList. Internal load balancers and load balancers without a web ACL association are not judged here."
# custom:
#   id: IACPAC_AWS_ELB_017
#   severity: medium
#   resource_types: [aws_lb, aws_alb]
#   checkov: [CKV2_AWS_76]
#   remediation: "Add managed_rule_group_statement rules for AWSManagedRulesKnownBadInputsRuleSet and AWSManagedRulesAnonymousIpList to the associated aws_wafv2_web_acl."
package iacpac.aws.elb.alb_waf_log4j

import rego.v1

import data.iacpac.lib.terraform as tf
import data.iacpac.lib.waf

deny contains finding if {
	some resource_type in ["aws_lb", "aws_alb"]
	some lb in tf.resources(resource_type)
	not tf.after(lb).internal == true
	not waf.log4j_ok(lb)
	finding := {
		"address": lb.address,
		"message": sprintf("Load balancer %s is behind a web ACL without the Log4j managed rule groups", [lb.address]),
	}
}
