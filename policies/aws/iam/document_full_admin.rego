# METADATA
# title: "IAM policy document does not grant full administrator access"
# description: "An `aws_iam_policy_document` statement that allows action \"*\" on resource \"*\" grants every permission in the account."
# custom:
#   id: IACPAC_AWS_IAM_018
#   severity: low
#   resource_types: [aws_iam_policy_document]
#   checkov: [CKV_AWS_1]
#   remediation: "Grant only the actions and resources the principal needs."
package iacpac.aws.iam.document_full_admin

import rego.v1

import data.iacpac.lib.terraform as tf
import data.iacpac.lib.iam

deny contains finding if {
	some [address, statements] in iam.document_policies
	some statement in statements
	iam.allow_all_resources(statement)
	"*" in statement.actions
	finding := {
		"address": address,
		"message": sprintf("IAM policy document %s grants full administrator access (\"*\" on \"*\")", [address]),
	}
}
