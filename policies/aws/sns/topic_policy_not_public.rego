# METADATA
# title: "SNS topic policy is not public"
# description: "A topic policy that allows everyone (principal \"*\" or any account) without a limiting condition lets anyone publish to or subscribe to the topic. A statement counts as restricted only when a positive condition ties it to specific accounts, organisations, ARNs, networks, VPCs or VPC endpoints without wildcards."
# custom:
#   id: IACPAC_AWS_SNS_002
#   severity: medium
#   resource_types: [aws_sns_topic_policy]
#   checkov: [CKV_AWS_169]
#   remediation: "Name the accounts or services that may use the topic in the Principal, or add a condition such as aws:SourceAccount."
package iacpac.aws.sns.topic_policy_not_public

import rego.v1

import data.iacpac.lib.terraform as tf
import data.iacpac.lib.resource_policy

deny contains finding if {
	some rc in tf.resources("aws_sns_topic_policy")
	some statement in resource_policy.statements(tf.after(rc).policy)
	count(resource_policy.public_actions(statement)) > 0
	finding := {
		"address": rc.address,
		"message": sprintf("SNS topic policy %s lets anyone use the topic", [rc.address]),
	}
}
