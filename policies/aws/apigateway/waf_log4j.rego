# METADATA
# title: "WAF web ACL of an API blocks Log4j exploit attempts"
# description: "When a REST API stage or an HTTP API is associated with a WAFv2 web ACL, that web ACL should include the AWS managed rule groups AWSManagedRulesKnownBadInputsRuleSet (Log4Shell, CVE-2021-44228, request patterns) and AWSManagedRulesAnonymousIpList. Stages and APIs without a web ACL association are not judged here."
# custom:
#   id: IACPAC_AWS_APIGATEWAY_016
#   severity: medium
#   resource_types: [aws_api_gateway_stage, aws_apigatewayv2_api]
#   checkov: [CKV2_AWS_77]
#   remediation: "Add managed_rule_group_statement rules for AWSManagedRulesKnownBadInputsRuleSet and AWSManagedRulesAnonymousIpList to the associated aws_wafv2_web_acl."
package iacpac.aws.apigateway.waf_log4j

import rego.v1

import data.iacpac.lib.terraform as tf
import data.iacpac.lib.waf

deny contains finding if {
	some resource_type in ["aws_api_gateway_stage", "aws_apigatewayv2_api"]
	some rc in tf.resources(resource_type)
	not waf.log4j_ok(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("%s is behind a web ACL without the Log4j managed rule groups", [rc.address]),
	}
}
