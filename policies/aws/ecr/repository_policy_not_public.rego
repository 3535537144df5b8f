# METADATA
# title: "ECR repository policy is not public"
# description: "A repository policy that allows everyone (principal \"*\" or any account) lets anyone pull, or even push, images. A statement counts as restricted only when a positive condition ties it to specific accounts, organisations, ARNs, networks, VPCs or VPC endpoints without wildcards."
# custom:
#   id: IACPAC_AWS_ECR_004
#   severity: medium
#   resource_types: [aws_ecr_repository_policy]
#   checkov: [CKV_AWS_32]
#   remediation: "Name the accounts or roles that may pull in the Principal, or add a condition such as aws:PrincipalOrgID."
package iacpac.aws.ecr.repository_policy_not_public

import rego.v1

import data.iacpac.lib.terraform as tf
import data.iacpac.lib.resource_policy

deny contains finding if {
	some rc in tf.resources("aws_ecr_repository_policy")
	some statement in resource_policy.statements(tf.after(rc).policy)
	count(resource_policy.public_actions(statement)) > 0
	finding := {
		"address": rc.address,
		"message": sprintf("ECR repository policy %s lets anyone use the repository", [rc.address]),
	}
}
