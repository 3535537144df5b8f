# METADATA
# title: "IAM policies are attached to groups or roles, not users"
# description: "Permissions granted user by user are hard to review and tend to linger; grant them through groups or roles."
# custom:
#   id: IACPAC_AWS_IAM_022
#   severity: low
#   resource_types: [aws_iam_policy_attachment, aws_iam_user_policy, aws_iam_user_policy_attachment]
#   checkov: [CKV_AWS_40]
#   remediation: "Attach the policy to a group the user belongs to, or to a role."
package iacpac.aws.iam.policies_not_attached_to_users

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some resource_type in {"aws_iam_user_policy", "aws_iam_user_policy_attachment"}
	some rc in tf.resources(resource_type)
	finding := {
		"address": rc.address,
		"message": sprintf("%s attaches a policy directly to an IAM user", [rc.address]),
	}
}

deny contains finding if {
	some rc in tf.resources("aws_iam_policy_attachment")
	tf.set(rc, "users")
	finding := {
		"address": rc.address,
		"message": sprintf("%s attaches a policy directly to IAM users", [rc.address]),
	}
}
