# METADATA
# title: "IAM group membership links users of the configuration to a group"
# description: "Permissions should reach users through groups. A group membership passes when it is connected both to an `aws_iam_group` and to at least one `aws_iam_user` of the configuration."
# custom:
#   id: IACPAC_AWS_IAM_026
#   severity: low
#   resource_types: [aws_iam_group_membership]
#   checkov: [CKV2_AWS_21]
#   remediation: "Reference the group and the users (aws_iam_user.<name>.name) in the aws_iam_group_membership."
package iacpac.aws.iam.group_membership_links_users

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some membership in tf.resources("aws_iam_group_membership")
	not linked(membership)
	finding := {
		"address": membership.address,
		"message": sprintf("IAM group membership %s does not link users to a group", [membership.address]),
	}
}

linked(membership) if {
	count(tf.connected_resources(membership, "aws_iam_group")) > 0
	count(tf.connected_resources(membership, "aws_iam_user")) > 0
}
