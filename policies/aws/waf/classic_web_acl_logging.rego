# METADATA
# title: "WAF Classic web ACL sends logs to a destination"
# description: "Without logging there is no record of the requests a web ACL allowed or blocked. WAF Classic and WAF Regional web ACLs fail when `logging_configuration.log_destination` is not set."
# custom:
#   id: IACPAC_AWS_WAF_002
#   severity: low
#   resource_types: [aws_waf_web_acl, aws_wafregional_web_acl]
#   checkov: [CKV_AWS_176]
#   remediation: "Add logging_configuration { log_destination = <Kinesis Data Firehose stream ARN> } to the web ACL."
package iacpac.aws.waf.classic_web_acl_logging

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in ["aws_waf_web_acl", "aws_wafregional_web_acl"]
	some rc in tf.resources(resource_type)
	not tf.set_at(rc, ["logging_configuration", 0, "log_destination"])
	finding := {
		"address": rc.address,
		"message": sprintf("Web ACL %s does not log requests", [rc.address]),
	}
}
