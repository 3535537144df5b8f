# METADATA
# title: "SNS topic policy does not grant other accounts access without a condition"
# description: "An Allow statement for an IAM principal ARN (of this or another account) without any condition lets that principal publish or subscribe regardless of where the request comes from. Topic policies with such a statement fail; add a condition that scopes the access."
# custom:
#   id: IACPAC_AWS_SNS_003
#   severity: medium
#   resource_types: [aws_sns_topic_policy]
#   checkov: [CKV_AWS_385]
#   remediation: "Add a condition (aws:SourceAccount, aws:SourceArn, aws:PrincipalOrgID, ...) to statements that grant IAM principals access to the topic."
package iacpac.aws.sns.topic_policy_cross_account

import rego.v1

import data.iacpac.lib.terraform as tf
import data.iacpac.lib.resource_policy

deny contains finding if {
	some rc in tf.resources("aws_sns_topic_policy")
	some statement in resource_policy.statements(tf.after(rc).policy)
	statement.Effect == "Allow"
	some principal in tf.as_list(statement.Principal.AWS)
	is_string(principal)
	startswith(principal, "arn:aws:iam::")
	count(resource_policy.conditions(statement)) == 0
	finding := {
		"address": rc.address,
		"message": sprintf("SNS topic policy %s grants %s access without a condition", [rc.address, principal]),
	}
}
