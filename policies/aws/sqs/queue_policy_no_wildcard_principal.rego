# METADATA
# title: "SQS queue policy does not open SQS actions to every principal without a condition"
# description: "An Allow statement that gives principal \"*\" (or AWS \"*\") an SQS action (or \"*\") without any Condition makes the queue public. Queue policies with such a statement fail."
# custom:
#   id: IACPAC_AWS_SQS_004
#   severity: info
#   resource_types: [aws_sqs_queue_policy]
#   checkov: [CKV_AWS_387]
#   remediation: "Name the principals in the statement, or add a condition that scopes it (e.g. aws:SourceArn)."
package iacpac.aws.sqs.queue_policy_no_wildcard_principal

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_sqs_queue_policy")
	doc := tf.document(tf.after(rc).policy)
	some statement in tf.as_list(object.get(doc, "Statement", []))
	statement.Effect == "Allow"
	sqs_action(statement)
	everyone(statement.Principal)
	not statement.Condition
	finding := {
		"address": rc.address,
		"message": sprintf("SQS queue policy %s allows SQS actions to every principal", [rc.address]),
	}
}

sqs_action(statement) if {
	some action in tf.as_list(object.get(statement, "Action", []))
	is_string(action)
	regex.match(`^(\*|sqs:|SQS:)`, action)
}

everyone("*")

everyone(principal) if "*" in tf.as_list(principal.AWS)
