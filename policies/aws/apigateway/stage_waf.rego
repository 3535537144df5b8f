# METADATA
# title: "Public API Gateway stage is protected by a WAF web ACL"
# description: "A stage of a public REST API is reachable from the internet; a web ACL filters common exploits and abusive clients before they reach the backend. A stage passes when its API is PRIVATE, or when a WAF association is connected to it: an `aws_wafv2_web_acl_association` for REGIONAL or EDGE APIs, or an `aws_wafregional_web_acl_association` for REGIONAL ones. Stages of an API whose endpoint type is not written fail."
# custom:
#   id: IACPAC_AWS_APIGATEWAY_014
#   severity: medium
#   resource_types: [aws_api_gateway_stage]
#   checkov: [CKV2_AWS_29]
#   remediation: "Associate a web ACL with the stage (aws_wafv2_web_acl_association with resource_arn = the stage ARN), or make the API PRIVATE."
package iacpac.aws.apigateway.stage_waf

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some stage in tf.resources("aws_api_gateway_stage")
	some api in tf.connected_resources(stage, "aws_api_gateway_rest_api")
	not protected(stage, endpoint_types(api))
	finding := {
		"address": stage.address,
		"message": sprintf("API Gateway stage %s of a public API has no WAF web ACL", [stage.address]),
	}
}

endpoint_types(api) := {t | some t in object.get(tf.block(tf.after(api), "endpoint_configuration"), "types", [])}

protected(_, types) if "PRIVATE" in types

protected(stage, types) if {
	"REGIONAL" in types
	count(tf.connected_resources(stage, "aws_wafregional_web_acl_association")) > 0
}

protected(stage, types) if {
	count(types & {"REGIONAL", "EDGE"}) > 0
	count(tf.connected_resources(stage, "aws_wafv2_web_acl_association")) > 0
}
