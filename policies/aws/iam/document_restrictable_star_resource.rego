# METADATA
# title: "IAM policy document does not grant restrictable actions on every resource"
# description: "An `aws_iam_policy_document` statement should scope actions that support resource-level permissions to specific ARNs; `resources = [\"*\"]` is acceptable only for actions that cannot be scoped (listing/describe calls and the few others AWS offers only on `*`) and for statements narrowed by a `condition` block."
# custom:
#   id: IACPAC_AWS_IAM_005
#   severity: high
#   resource_types: [aws_iam_policy_document]
#   checkov: [CKV_AWS_356]
#   remediation: "Replace \"*\" with the ARNs the actions need."
package iacpac.aws.iam.document_restrictable_star_resource

import rego.v1

import data.iacpac.lib.terraform as tf
import data.iacpac.lib.iam

deny contains finding if {
	some [address, statements] in iam.document_policies
	actions := {action |
		some statement in statements
		iam.allow_all_resources(statement)
		iam.unconditioned(statement)
		some action in statement.actions
		iam.restrictable(action)
	}
	count(actions) > 0
	finding := {
		"address": address,
		"message": sprintf("IAM policy document %s allows %s on every resource (\"*\")", [address, concat(", ", sort(actions))]),
	}
}
