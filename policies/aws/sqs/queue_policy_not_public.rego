# METADATA
# title: "SQS queue policy is not public"
# description: "A queue policy (on an `aws_sqs_queue_policy` or the queue itself) that allows everyone (principal \"*\" or any account) without a limiting condition lets anyone send, read or delete messages. A statement counts as restricted only when a positive condition ties it to specific accounts, organisations, ARNs, networks, VPCs or VPC endpoints without wildcards."
# custom:
#   id: IACPAC_AWS_SQS_003
#   severity: high
#   resource_types: [aws_sqs_queue_policy, aws_sqs_queue]
#   checkov: [CKV_AWS_168]
#   remediation: "Name the accounts or services that may use the queue in the Principal, or add a condition such as aws:SourceArn."
package iacpac.aws.sqs.queue_policy_not_public

import rego.v1

import data.iacpac.lib.terraform as tf
import data.iacpac.lib.resource_policy

deny contains finding if {
	some resource_type in ["aws_sqs_queue_policy", "aws_sqs_queue"]
	some rc in tf.resources(resource_type)
	some statement in resource_policy.statements(tf.after(rc).policy)
	count(resource_policy.public_actions(statement)) > 0
	finding := {
		"address": rc.address,
		"message": sprintf("%s has a queue policy that lets anyone use the queue", [rc.address]),
	}
}
