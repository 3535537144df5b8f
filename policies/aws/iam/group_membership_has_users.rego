# METADATA
# title: "IAM group membership adds users to the group"
# description: "A group membership that names no user grants nothing and usually means users were meant to be added but were not. An `aws_iam_group_membership` passes when it is connected to a group and to at least one `aws_iam_user` and sets `users`."
# custom:
#   id: IACPAC_AWS_IAM_025
#   severity: info
#   resource_types: [aws_iam_group_membership]
#   checkov: [CKV2_AWS_14]
#   remediation: "List the users in the membership's users argument (or remove the membership)."
package iacpac.aws.iam.group_membership_has_users

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some membership in tf.resources("aws_iam_group_membership")
	not has_users(membership)
	finding := {
		"address": membership.address,
		"message": sprintf("IAM group membership %s adds no user to its group", [membership.address]),
	}
}

has_users(membership) if {
	count(tf.connected_resources(membership, "aws_iam_group")) > 0
	count(tf.connected_resources(membership, "aws_iam_user")) > 0
	tf.configured(membership, "users")
}
