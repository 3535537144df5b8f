# METADATA
# title: "IAM policy document does not allow managing permissions on every resource"
# description: "Permission-management actions on `resources = [\"*\"]` in an `aws_iam_policy_document` allow privilege escalation or resource exposure."
# custom:
#   id: IACPAC_AWS_IAM_006
#   severity: low
#   resource_types: [aws_iam_policy_document]
#   checkov: [CKV_AWS_109]
#   remediation: "Scope permission-management actions to specific resources."
package iacpac.aws.iam.document_permissions_management

import rego.v1

import data.iacpac.lib.terraform as tf
import data.iacpac.lib.iam

deny contains finding if {
	some [address, statements] in iam.document_policies
	actions := {action |
		some statement in statements
		iam.allow_all_resources(statement)
		some action in statement.actions
		iam.permissions_management(action)
	}
	count(actions) > 0
	finding := {
		"address": address,
		"message": sprintf("IAM policy document %s allows %s on every resource (permissions management)", [address, concat(", ", sort(actions))]),
	}
}
