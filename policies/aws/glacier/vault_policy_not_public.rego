# METADATA
# title: "Glacier vault access policy is not public"
# description: "A vault access policy that allows everyone (principal \"*\" or any account) without a limiting condition lets anyone retrieve or delete archives. Policies taken from an `aws_iam_policy_document` data source are not judged."
# custom:
#   id: IACPAC_AWS_GLACIER_001
#   severity: medium
#   resource_types: [aws_glacier_vault]
#   checkov: [CKV_AWS_167]
#   remediation: "Name the accounts or roles that may use the vault in the Principal, or add a limiting condition (aws:PrincipalOrgID, aws:SourceVpce, ...)."
package iacpac.aws.glacier.vault_policy_not_public

import rego.v1

import data.iacpac.lib.terraform as tf
import data.iacpac.lib.resource_policy

deny contains finding if {
	some rc in tf.resources("aws_glacier_vault")
	not from_policy_document(rc)
	some statement in resource_policy.statements(tf.after(rc).access_policy)
	count(resource_policy.public_actions(statement)) > 0
	finding := {
		"address": rc.address,
		"message": sprintf("Glacier vault %s has an access policy open to everyone", [rc.address]),
	}
}

from_policy_document(rc) if {
	some ref in tf.attribute_references(rc, "access_policy")
	startswith(ref, "data.aws_iam_policy_document.")
}
