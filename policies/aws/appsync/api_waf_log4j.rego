# METADATA
# title: "WAF web ACL of an AppSync API blocks Log4j exploit attempts"
# description: "When a GraphQL API is associated with a WAFv2 web ACL, that web ACL should include the AWS managed rule groups AWSManagedRulesKnownBadInputsRuleSet (Log4Shell, CVE-2021-44228, request patterns) and AWSManagedRulesAnonymousIpList. APIs without a web ACL association are not judged here."
# custom:
#   id: IACPAC_AWS_APPSYNC_006
#   severity: medium
#   resource_types: [aws_appsync_graphql_api]
#   checkov: [CKV2_AWS_78]
#   remediation: "Add managed_rule_group_statement rules for AWSManagedRulesKnownBadInputsRuleSet and AWSManagedRulesAnonymousIpList to the associated aws_wafv2_web_acl."
package iacpac.aws.appsync.api_waf_log4j

import rego.v1

import data.iacpac.lib.terraform as tf
import data.iacpac.lib.waf

deny contains finding if {
	some api in tf.resources("aws_appsync_graphql_api")
	not waf.log4j_ok(api)
	finding := {
		"address": api.address,
		"message": sprintf("AppSync API %s is behind a web ACL without the Log4j managed rule groups", [api.address]),
	}
}
