# METADATA
# title: "SQS queue policy does not allow all actions"
# description: "A queue policy statement with action \"*\" grants every SQS action, including deleting the queue and changing its policy. The first statement of a queue policy must not use action \"*\"."
# custom:
#   id: IACPAC_AWS_SQS_005
#   severity: info
#   resource_types: [aws_sqs_queue_policy]
#   checkov: [CKV_AWS_72]
#   remediation: "List the SQS actions the principal needs (e.g. sqs:SendMessage) instead of \"*\"."
package iacpac.aws.sqs.queue_policy_no_star_action

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_sqs_queue_policy")
	doc := tf.document(tf.after(rc).policy)
	statement := tf.as_list(doc.Statement)[0]
	statement.Action == "*"
	finding := {
		"address": rc.address,
		"message": sprintf("SQS queue policy %s allows every action", [rc.address]),
	}
}
