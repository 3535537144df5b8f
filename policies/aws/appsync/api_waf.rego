# METADATA
# title: "AppSync GraphQL API is protected by a WAF web ACL"
# description: "A web ACL in front of a GraphQL API filters injection attempts, known bad inputs and request floods before they reach the resolvers. The API passes when an `aws_wafv2_web_acl_association` is connected to it."
# custom:
#   id: IACPAC_AWS_APPSYNC_005
#   severity: low
#   resource_types: [aws_appsync_graphql_api]
#   checkov: [CKV2_AWS_33]
#   remediation: "Associate a WAFv2 web ACL with the API (aws_wafv2_web_acl_association with resource_arn = the API ARN)."
package iacpac.aws.appsync.api_waf

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some api in tf.resources("aws_appsync_graphql_api")
	count(tf.connected_resources(api, "aws_wafv2_web_acl_association")) == 0
	finding := {
		"address": api.address,
		"message": sprintf("AppSync API %s has no WAF web ACL", [api.address]),
	}
}
