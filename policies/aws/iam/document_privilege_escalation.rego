# METADATA
# title: "IAM policy document does not allow privilege escalation"
# description: "Some combinations of actions let a principal grant itself more than it was given: creating access keys or login profiles for other users, attaching or writing policies, changing a trust policy, or passing an existing role to a new Lambda function, EC2 instance, Glue endpoint, CloudFormation stack or data pipeline (the escalation methods published by Rhino Security Labs). An `aws_iam_policy_document` fails when it grants every action of one method without resource constraints and without a condition (Deny statements take actions back)."
# custom:
#   id: IACPAC_AWS_IAM_035
#   severity: medium
#   resource_types: [aws_iam_policy_document]
#   checkov: [CKV_AWS_110]
#   remediation: "Scope iam:PassRole and the IAM write actions to the roles, users and policies the workload manages, or split the permissions."
package iacpac.aws.iam.document_privilege_escalation

import rego.v1

import data.iacpac.lib.iam

deny contains finding if {
	some [address, statements] in iam.document_policies
	methods := iam.privilege_escalations(statements)
	count(methods) > 0
	finding := {
		"address": address,
		"message": sprintf("IAM policy document %s allows privilege escalation (%s)", [address, concat(", ", sort(methods))]),
	}
}
