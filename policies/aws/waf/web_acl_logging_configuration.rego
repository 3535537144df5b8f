# METADATA
# title: "WAFv2 web ACL has a logging configuration"
# description: "WAFv2 logs requests only when an `aws_wafv2_web_acl_logging_configuration` names the web ACL. Web ACLs that no logging configuration refers to fail."
# custom:
#   id: IACPAC_AWS_WAF_005
#   severity: low
#   resource_types: [aws_wafv2_web_acl]
#   checkov: [CKV2_AWS_31]
#   remediation: "Add an aws_wafv2_web_acl_logging_configuration with resource_arn = the web ACL ARN and a log destination."
package iacpac.aws.waf.web_acl_logging_configuration

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_wafv2_web_acl")
	count(tf.connected_resources(rc, "aws_wafv2_web_acl_logging_configuration")) == 0
	finding := {
		"address": rc.address,
		"message": sprintf("Web ACL %s has no logging configuration", [rc.address]),
	}
}
