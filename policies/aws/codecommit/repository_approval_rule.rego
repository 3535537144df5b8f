# METADATA
# title: "CodeCommit repository has an approval rule"
# description: "Without an approval rule template associated, pull requests can be merged without any review. A repository passes when an `aws_codecommit_approval_rule_template_association` is connected to it."
# custom:
#   id: IACPAC_AWS_CODECOMMIT_002
#   severity: low
#   resource_types: [aws_codecommit_repository]
#   checkov: [CKV2_AWS_37]
#   remediation: "Associate an approval rule template with the repository (aws_codecommit_approval_rule_template_association)."
package iacpac.aws.codecommit.repository_approval_rule

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some repository in tf.resources("aws_codecommit_repository")
	count(tf.connected_resources(repository, "aws_codecommit_approval_rule_template_association")) == 0
	finding := {
		"address": repository.address,
		"message": sprintf("CodeCommit repository %s has no approval rule", [repository.address]),
	}
}
