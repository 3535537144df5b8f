# METADATA
# title: "IAM policy document does not allow write actions on every resource"
# description: "Write actions on `resources = [\"*\"]` in an `aws_iam_policy_document` allow changes anywhere in the account. Statements with a `condition` block, and actions that AWS offers only on `*` (such as xray:PutTraceSegments or cloudwatch:PutMetricData), are not counted."
# custom:
#   id: IACPAC_AWS_IAM_007
#   severity: low
#   resource_types: [aws_iam_policy_document]
#   checkov: [CKV_AWS_111]
#   remediation: "Scope write actions to the resources the workload owns."
package iacpac.aws.iam.document_write_access

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
		iam.write(action)
	}
	count(actions) > 0
	finding := {
		"address": address,
		"message": sprintf("IAM policy document %s allows write actions on every resource: %s", [address, concat(", ", sort(actions))]),
	}
}
