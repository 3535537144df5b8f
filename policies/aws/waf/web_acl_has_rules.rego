# METADATA
# title: "WAF web ACL has rules"
# description: "A web ACL without rules only applies its default action, so it inspects nothing. Web ACLs (WAF Classic, WAF Regional and WAFv2) fail when they have no `rule`/`rules` block, or only empty ones."
# custom:
#   id: IACPAC_AWS_WAF_001
#   severity: low
#   resource_types: [aws_waf_web_acl, aws_wafregional_web_acl, aws_wafv2_web_acl]
#   checkov: [CKV_AWS_175]
#   remediation: "Add rules (or managed rule groups) to the web ACL."
package iacpac.aws.waf.web_acl_has_rules

import rego.v1

import data.iacpac.lib.terraform as tf

acl_types := ["aws_waf_web_acl", "aws_wafregional_web_acl", "aws_wafv2_web_acl"]

deny contains finding if {
	some resource_type in acl_types
	some rc in tf.resources(resource_type)
	not has_rules(rc)
	finding := {
		"address": rc.address,
		"message": sprintf("Web ACL %s has no rules", [rc.address]),
	}
}

has_rules(rc) if {
	some key in ["rule", "rules"]
	some i, rule in tf.blocks(tf.after(rc), key)
	filled(rule, object.get(tf.unknown(rc), [key, i], {}))
}

# The rules attribute as a whole is known only at apply time.
has_rules(rc) if {
	some key in ["rule", "rules"]
	tf.unknown(rc)[key] == true
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
