# METADATA
# title: "IAM policy document does not allow every action"
# description: "An `aws_iam_policy_document` statement that allows action \"*\" grants every service permission there is."
# custom:
#   id: IACPAC_AWS_IAM_019
#   severity: high
#   resource_types: [aws_iam_policy_document]
#   checkov: [CKV_AWS_49]
#   remediation: "List the actions the principal needs instead of \"*\"."
package iacpac.aws.iam.document_star_action

import rego.v1

import data.iacpac.lib.terraform as tf
import data.iacpac.lib.iam

deny contains finding if {
	some [address, statements] in iam.document_policies
	some statement in statements
	statement.effect == "Allow"
	"*" in statement.actions
	finding := {
		"address": address,
		"message": sprintf("IAM policy document %s allows every action (\"*\")", [address]),
	}
}
