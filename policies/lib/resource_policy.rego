# METADATA
# title: Resource policy helpers for the iacpac policy library
# description: >-
#   Whether a resource-based policy (bucket, queue, topic, repository, vault policies) lets anyone on the internet
#   perform its actions: an Allow statement whose principal is everyone ("*", or an ARN with account "*") and whose
#   conditions do not tie the request to specific ARNs, accounts, organisations, user ids, source networks, VPCs or
#   VPC endpoints. A condition counts as limiting only with a positive operator (ArnEquals/ArnLike, StringEquals/
#   StringLike and their IgnoreCase, IfExists and ForAllValues/ForAnyValue forms, IpAddress); a limiting condition
#   whose value is itself a wildcard (an ARN or account "*", a /0 network, an "o-*" organisation) does not limit.
# scope: package
package iacpac.lib.resource_policy

import rego.v1

import data.iacpac.lib.terraform as tf

condition_key_categories := {
	"aws:sourcearn": "arn",
	"aws:principalarn": "arn",
	"aws:sourceowner": "account",
	"aws:sourceaccount": "account",
	"aws:principalaccount": "account",
	"aws:principalorgid": "organization",
	"aws:principalorgpaths": "organization",
	"kms:calleraccount": "account",
	"aws:userid": "userid",
	"aws:sourceip": "cidr",
	"aws:sourcevpc": "vpc",
	"aws:sourcevpce": "vpce",
	"saml:aud": "saml-endpoint",
}

limiting_operator := `(?i)^((ForAllValues|ForAnyValue):)?(ARN(Equals|Like)|String(Equals|Like)(IgnoreCase)?|IpAddress)(IfExists)?`

# The statements of a policy document given as JSON text ([] when it is not a readable document).
statements(text) := tf.as_list(object.get(doc, "Statement", [])) if {
	doc := tf.document(text)
	is_object(doc)
} else := []

# The actions of a statement that anyone on the internet may perform (empty when the statement is restricted).
public_actions(statement) := tf.as_list(object.get(statement, "Action", [])) if public(statement) else := []

public(statement) if {
	is_object(statement)
	statement.Effect != "Deny"
	some entry in conditions(statement)
	entry_public(entry)
}

public(statement) if {
	is_object(statement)
	statement.Effect != "Deny"
	count(conditions(statement)) == 0
	some principal in principals(statement)
	arn_public(principal)
}

# [category, value] for each value of a limiting condition operator on a known key.
conditions(statement) := [[category, value] |
	some operator, context in object.get(statement, "Condition", {})
	regex.match(limiting_operator, operator)
	is_object(context)
	some key, values in context
	category := condition_key_categories[lower(key)]
	some value in tf.as_list(values)
]

principals(statement) := [p | some p in tf.as_list(statement.Principal); not is_object(p)] if {
	not is_object(statement.Principal)
} else := [p |
	some kind in ["AWS", "Federated", "Service"]
	some p in tf.as_list(object.get(statement.Principal, kind, []))
]

entry_public(["arn", value]) if arn_public(value)

entry_public(["cidr", value]) if endswith(value, "/0")

entry_public(["organization", value]) if contains(value, "o-*")

# A trailing wildcard is fine for user ids (AROAEXAMPLE:*).
entry_public(["userid", value]) if indexof(value, "*") != count(value) - 1

entry_public([category, value]) if {
	category in {"account", "vpc", "vpce", "saml-endpoint"}
	contains(value, "*")
}

arn_public("*")

arn_public(arn) if {
	is_string(arn)
	startswith(arn, "arn:")
	parts := split(arn, ":")
	count(parts) >= 6
	parts[2] != "s3"
	parts[4] == "*"
}

# An ARN without a service and account.
arn_public(arn) if {
	is_string(arn)
	startswith(arn, "arn:")
	parts := split(arn, ":")
	count(parts) >= 6
	parts[2] == ""
	parts[4] == ""
}

# Not an ARN that can be parsed: public when it has a wildcard.
arn_public(arn) if {
	is_string(arn)
	startswith(arn, "arn:")
	count(split(arn, ":")) < 6
	contains(arn, "*")
}
