# METADATA
# title: "CloudFront WAF blocks Log4j exploit attempts"
# description: "The web ACL in front of the distribution should include the AWS managed rule groups AWSManagedRulesKnownBadInputsRuleSet, which matches Log4Shell (CVE-2021-44228) request patterns, and AWSManagedRulesAnonymousIpList. Distributions without a web ACL of this configuration fail."
# custom:
#   id: IACPAC_AWS_CLOUDFRONT_008
#   severity: medium
#   resource_types: [aws_cloudfront_distribution, aws_wafv2_web_acl]
#   checkov: [CKV2_AWS_47]
#   remediation: "Attach an aws_wafv2_web_acl (scope CLOUDFRONT) with managed_rule_group_statement rules for AWSManagedRulesKnownBadInputsRuleSet and AWSManagedRulesAnonymousIpList."
package iacpac.aws.cloudfront.distribution_waf_log4j

import rego.v1

import data.iacpac.lib.terraform as tf
import data.iacpac.lib.waf

deny contains finding if {
	some distribution in tf.resources("aws_cloudfront_distribution")
	not protected(distribution)
	finding := {
		"address": distribution.address,
		"message": sprintf("CloudFront distribution %s has no WAF web ACL with the Log4j managed rules", [distribution.address]),
	}
}

protected(distribution) if {
	some acl in tf.connected_resources(distribution, "aws_wafv2_web_acl")
	waf.log4j_protected_acl(acl)
}
