# METADATA
# title: "Every WAF rule has an action"
# description: "A rule without an action (or override action) decides nothing. In web ACLs and rule groups (WAF Classic, WAF Regional and WAFv2) every `rule`/`rules`/`activated_rule` needs a non-empty `action` or `override_action`, or must run a managed rule group (whose rules carry their own actions); resources without rules are not judged."
# custom:
#   id: IACPAC_AWS_WAF_003
#   severity: low
#   resource_types: [aws_waf_web_acl, aws_wafregional_web_acl, aws_wafv2_web_acl, aws_waf_rule_group, aws_wafregional_rule_group, aws_wafv2_rule_group]
#   checkov: [CKV_AWS_342]
#   remediation: "Give each rule an action { ... } (block, allow, count, ...) or, for rule groups, an override_action."
package iacpac.aws.waf.rules_have_actions

import rego.v1

import data.iacpac.lib.terraform as tf

rule_keys := ["rule", "rules", "activated_rule"]

resource_types := [
	"aws_waf_web_acl", "aws_wafregional_web_acl", "aws_wafv2_web_acl",
	"aws_waf_rule_group", "aws_wafregional_rule_group", "aws_wafv2_rule_group",
]

deny contains finding if {
	some resource_type in resource_types
	some rc in tf.resources(resource_type)
	some key in rule_keys
	some i, rule in tf.blocks(tf.after(rc), key)
	unknown_rule := object.get(tf.unknown(rc), [key, i], {})
	not acts(rule, unknown_rule)
	finding := {
		"address": rc.address,
		"message": sprintf("%s has a %s without an action", [rc.address, key]),
	}
}

acts(rule, unknown_rule) if {
	some key in ["action", "override_action"]
	some j, action in tf.blocks(rule, key)
	filled(action, object.get(unknown_rule, [key, j], {}))
}

acts(rule, unknown_rule) if {
	some key in ["action", "override_action"]
	object.get(unknown_rule, key, false) == true
}

acts(rule, _) if {
	some statement in tf.blocks(rule, "statement")
	count(tf.blocks(statement, "managed_rule_group_statement")) > 0
}

# A block element carries a setting: some known value in it (at any depth) that is not null, or a value known only at
# apply time. Empty blocks (`action {}`) carry none.
filled(element, unknown_element) if {
	walk(element, [_, value])
	value != null
	not is_array(value)
	not is_object(value)
}

filled(element, unknown_element) if walk(unknown_element, [_, true])

filled(element, unknown_element) if {
	walk(element, [_, value])
	is_array(value)
	count(value) > 0
}
