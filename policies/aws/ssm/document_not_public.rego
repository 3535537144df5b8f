# METADATA
# title: "SSM document is not shared publicly"
# description: "A document shared with account \"All\" can be run by any AWS account and exposes the commands and parameters it contains. Documents whose `permissions.account_ids` is All fail."
# custom:
#   id: IACPAC_AWS_SSM_004
#   severity: medium
#   resource_types: [aws_ssm_document]
#   checkov: [CKV_AWS_303]
#   remediation: "Share the document only with named account ids (permissions { type = \"Share\", account_ids = \"123456789012\" })."
package iacpac.aws.ssm.document_not_public

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_ssm_document")
	tf.after(rc).permissions.account_ids == "All"
	finding := {
		"address": rc.address,
		"message": sprintf("SSM document %s is shared with every AWS account", [rc.address]),
	}
}
