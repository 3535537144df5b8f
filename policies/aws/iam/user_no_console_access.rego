# METADATA
# title: "IAM user has no console password"
# description: "Console passwords can be phished and are often left without MFA; workforce access should come through SSO. A user fails when an `aws_iam_user_login_profile` is connected to it."
# custom:
#   id: IACPAC_AWS_IAM_031
#   severity: medium
#   resource_types: [aws_iam_user]
#   checkov: [CKV2_AWS_22]
#   remediation: "Remove the aws_iam_user_login_profile and give people console access through IAM Identity Center."
package iacpac.aws.iam.user_no_console_access

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some user in tf.resources("aws_iam_user")
	count(tf.connected_resources(user, "aws_iam_user_login_profile")) > 0
	finding := {
		"address": user.address,
		"message": sprintf("IAM user %s has console access", [user.address]),
	}
}
