# METADATA
# title: IAM policy document helpers for the iacpac policy library
# description: >-
#   Normalises IAM policy statements from resource `policy` JSON strings and from `aws_iam_policy_document` data
#   sources in the configuration, and classifies actions (read-only listing, write, permissions management, data
#   reads that can exfiltrate). The classification is deliberately small and errs toward flagging.
# scope: package
package iacpac.lib.iam

import rego.v1

import data.iacpac.lib.terraform as tf

# Resource types whose `policy` (or `inline_policy`) attribute holds an identity policy document.
identity_policy_types := {
	"aws_iam_policy": "policy",
	"aws_iam_role_policy": "policy",
	"aws_iam_user_policy": "policy",
	"aws_iam_group_policy": "policy",
	"aws_ssoadmin_permission_set_inline_policy": "inline_policy",
}

# [resource change, statements] for every identity policy whose JSON is known at plan time.
identity_policies := [[rc, statements(doc)] |
	some resource_type, attribute in identity_policy_types
	some rc in tf.resources(resource_type)
	doc := tf.document(tf.after(rc)[attribute])
	is_object(doc)
]

# Statements of a parsed policy document, each as {"effect", "actions", "resources", "condition"} with lists.
statements(doc) := [normalize(s) | some s in as_list(object.get(doc, "Statement", []))]

normalize(s) := {
	"effect": object.get(s, "Effect", "Allow"),
	"actions": as_list(object.get(s, "Action", [])),
	"resources": as_list(object.get(s, "Resource", [])),
	"condition": object.get(s, "Condition", {}),
}

# [address, statements] for every aws_iam_policy_document data source, read from the configuration expressions
# (values computed from other resources are left out, so only literal "*" resources count).
document_policies := [[address, [document_statement(s) | some s in as_list(object.get(c.expressions, "statement", []))]] |
	some [prefix, module] in tf.config_modules
	some c in object.get(module, "resources", [])
	c.mode == "data"
	c.type == "aws_iam_policy_document"
	address := concat(".", [p | some p in [prefix, c.address]; p != ""])
]

document_statement(s) := {
	"effect": object.get(object.get(s, "effect", {}), "constant_value", "Allow"),
	"explicit_effect": object.get(object.get(s, "effect", {}), "constant_value", null),
	"actions": as_list(object.get(object.get(s, "actions", {}), "constant_value", [])),
	"resources": as_list(object.get(object.get(s, "resources", {}), "constant_value", [])),
	"condition": object.get(s, "condition", []),
}

as_list(x) := x if is_array(x)

as_list(x) := [x] if not is_array(x)

# An Allow statement that applies to every resource ("*").
allow_all_resources(statement) if {
	statement.effect == "Allow"
	"*" in statement.resources
}

# Actions whose name only lists or describes: they do not support resource-level restriction.
unrestrictable(action) if regex.match(`^[a-z0-9-]+:(Describe|List)[A-Za-z0-9]*$`, action)

unrestrictable(action) if action in {"sts:GetCallerIdentity", "s3:ListAllMyBuckets", "ec2:GetConsoleOutput", "logs:DescribeLogGroups"}

restrictable(action) if not unrestrictable(action)

# Reads that hand out data or secrets.
exfiltration_actions := {
	"s3:GetObject", "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "secretsmanager:GetSecretValue",
	"rds:CopyDBSnapshot", "rds:CreateDBSnapshot", "dynamodb:Scan", "dynamodb:GetItem", "kms:Decrypt",
}

exfiltration(action) if action in exfiltration_actions

exfiltration(action) if wildcard_service(action, {"s3", "ssm", "secretsmanager", "rds", "dynamodb", "kms"})

# Actions that grant or change permissions (policies, ACLs, grants, resource-based permissions).
permissions_management(action) if regex.match(`^iam:(Attach|Detach|Put|Delete|Create|Update|Add|Remove|Set|Pass|Upload|Change|Enable|Reset)[A-Za-z]*$`, action)

permissions_management(action) if regex.match(`^[a-z0-9-]+:[A-Za-z]*(Policy|Permission|Permissions|Grant|Acl|ACL)$`, action)

permissions_management(action) if regex.match(`^[a-z0-9-]+:(Put|Create|Delete|Update|Add|Remove|Revoke|Attach|Detach)[A-Za-z]*(Policy|Permission|Grant|Acl)[A-Za-z]*$`, action)

permissions_management(action) if wildcard_service(action, {"iam", "kms", "s3", "lambda", "sns", "sqs", "ec2"})

# Actions that change state (create, delete, modify, start, stop, ...).
write(action) if regex.match(`^[a-z0-9-]+:(Create|Delete|Put|Update|Modify|Attach|Detach|Start|Stop|Run|Terminate|Reboot|Set|Add|Remove|Replace|Associate|Disassociate|Enable|Disable|Register|Deregister|Restore|Copy|Import|Upload|Send|Publish|Invoke|Execute|Reset|Change|Accept|Reject|Cancel|Release|Allocate|Authorize|Revoke|Tag|Untag|Write|Batch|Increase|Decrease|Purge|Rotate|Apply|Encrypt|Decrypt|Generate|Sign|Request|Pass)[A-Za-z0-9]*$`, action)

write(action) if wildcard_service(action, set())

wildcard_service(action, _) if action == "*"

wildcard_service(action, services) if {
	parts := split(action, ":")
	count(parts) == 2
	parts[1] == "*"
	count(services) == 0
}

wildcard_service(action, services) if {
	parts := split(action, ":")
	count(parts) == 2
	parts[1] == "*"
	parts[0] in services
}
