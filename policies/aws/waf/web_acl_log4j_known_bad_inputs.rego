# METADATA
# title: "WAFv2 web ACL blocks Log4j message lookups"
# description: "The AWS managed Known Bad Inputs rule group contains Log4JRCE, which blocks the JNDI lookups of CVE-2021-44228 (Log4Shell). A WAFv2 web ACL passes when a rule runs AWSManagedRulesKnownBadInputsRuleSet with override_action `none` (the group's own block actions apply) and neither excludes Log4JRCE nor overrides it to count or allow."
# custom:
#   id: IACPAC_AWS_WAF_004
#   severity: high
#   resource_types: [aws_wafv2_web_acl]
#   checkov: [CKV_AWS_192]
#   remediation: "Add a rule with statement { managed_rule_group_statement { name = \"AWSManagedRulesKnownBadInputsRuleSet\", vendor_name = \"AWS\" } } and override_action { none {} }, without excluding Log4JRCE."
package iacpac.aws.waf.web_acl_log4j_known_bad_inputs

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_wafv2_web_acl")
	not protected(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Web ACL %s does not block Log4j (CVE-2021-44228) message lookups", [rc.address]),
	}
}

protected(rc) if {
	some rule in tf.blocks(tf.after(rc), "rule")
	some statement in tf.blocks(rule, "statement")
	some group in tf.blocks(statement, "managed_rule_group_statement")
	group.name == "AWSManagedRulesKnownBadInputsRuleSet"
	not log4j_disabled(group)
	count(tf.blocks(tf.block(rule, "override_action"), "none")) > 0
}

# Log4JRCE is excluded (older provider versions) or overridden to an action that does not block.
log4j_disabled(group) if {
	some excluded in tf.blocks(group, "excluded_rule")
	excluded.name == "Log4JRCE"
}

log4j_disabled(group) if {
	some override in tf.blocks(group, "rule_action_override")
	override.name == "Log4JRCE"
	some action in tf.blocks(override, "action_to_use")
	count(tf.blocks(action, "block")) == 0
}
