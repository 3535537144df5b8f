# METADATA
# title: WAF helpers for the iacpac policy library
# description: >-
#   Web ACLs (WAFv2) attached to a resource through `aws_wafv2_web_acl_association` resources, and whether a web ACL
#   runs the AWS managed rule groups that cover the Log4j (CVE-2021-44228) exploit patterns.
# scope: package
package iacpac.lib.waf

import rego.v1

import data.iacpac.lib.terraform as tf

# The AWS managed rule groups that together cover Log4j exploit attempts (known bad inputs) and the anonymising
# networks they are often sent from.
log4j_rule_groups := {"AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesAnonymousIpList"}

# Names of the managed rule groups a web ACL's rules use.
managed_rule_groups(acl) := {group.name |
	some rule in tf.blocks(tf.after(acl), "rule")
	some statement in tf.blocks(rule, "statement")
	some group in tf.blocks(statement, "managed_rule_group_statement")
}

log4j_protected_acl(acl) if count(log4j_rule_groups - managed_rule_groups(acl)) == 0

# The aws_wafv2_web_acl_association resources connected to a resource.
associations(rc) := tf.connected_resources(rc, "aws_wafv2_web_acl_association")

# A resource with no WAFv2 association, or one whose associated web ACL has the Log4j rule groups.
log4j_ok(rc) if count(associations(rc)) == 0

log4j_ok(rc) if {
	some association in associations(rc)
	some acl in tf.connected_resources(association, "aws_wafv2_web_acl")
	log4j_protected_acl(acl)
}
