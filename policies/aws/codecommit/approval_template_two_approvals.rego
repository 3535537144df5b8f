# METADATA
# title: "CodeCommit approval rule template requires two approvals"
# description: "A single approver can approve their own accomplice's change; two approvals make unreviewed merges harder. A template passes when the first statement of its `content` needs at least 2 approvals."
# custom:
#   id: IACPAC_AWS_CODECOMMIT_001
#   severity: low
#   resource_types: [aws_codecommit_approval_rule_template]
#   checkov: [CKV_AWS_257]
#   remediation: "Set \"NumberOfApprovalsNeeded\": 2 (or more) in the template content."
package iacpac.aws.codecommit.approval_template_two_approvals

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_codecommit_approval_rule_template")
	not two_approvals(rc)
	not tf.unknown(rc).content
	finding := {
		"address": rc.address,
		"message": sprintf("CodeCommit approval rule template %s requires fewer than 2 approvals", [rc.address]),
	}
}

two_approvals(rc) if {
	content := json.unmarshal(tf.after(rc).content)
	statement := content.Statements[0]
	is_number(statement.NumberOfApprovalsNeeded)
	statement.NumberOfApprovalsNeeded >= 2
}
