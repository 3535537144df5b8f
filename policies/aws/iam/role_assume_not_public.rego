# METADATA
# title: "IAM role cannot be assumed by any AWS principal"
# description: "A trust policy that lets principal AWS \"*\" assume the role lets any AWS account in the world take the role's permissions. Roles whose `assume_role_policy` has a non-Deny statement with AWS principal \"*\" fail."
# custom:
#   id: IACPAC_AWS_IAM_029
#   severity: high
#   resource_types: [aws_iam_role]
#   checkov: [CKV_AWS_60]
#   remediation: "Name the accounts, roles or services that may assume the role in the trust policy (and add conditions such as sts:ExternalId for third parties)."
package iacpac.aws.iam.role_assume_not_public

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_iam_role")
	some statement in trust_statements(rc)
	statement.Effect != "Deny"
	"*" in tf.as_list(statement.Principal.AWS)
	finding := {
		"address": rc.address,
		"message": sprintf("IAM role %s can be assumed by any AWS principal", [rc.address]),
	}
}

trust_statements(rc) := tf.as_list(object.get(json.unmarshal(text), "Statement", [])) if {
	text := tf.after(rc).assume_role_policy
	is_string(text)
	json.is_valid(text)
} else := []
