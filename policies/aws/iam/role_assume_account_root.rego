# METADATA
# title: "IAM role trust is not granted to a whole account"
# description: "Trusting an account id (or its :root ARN) lets every IAM user and role of that account that has sts:AssumeRole permission assume the role, not a specific workload. Roles whose `assume_role_policy` has a non-Deny statement with an AWS principal that is a bare 12-digit account id or arn:aws:iam::<account>:root fail."
# custom:
#   id: IACPAC_AWS_IAM_030
#   severity: high
#   resource_types: [aws_iam_role]
#   checkov: [CKV_AWS_61]
#   remediation: "Trust the specific role ARN (arn:aws:iam::<account>:role/<name>) that needs to assume the role."
package iacpac.aws.iam.role_assume_account_root

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_iam_role")
	some statement in trust_statements(rc)
	statement.Effect != "Deny"
	some principal in tf.as_list(statement.Principal.AWS)
	is_string(principal)
	regex.match(`^(\d{12}|arn:aws:iam::\d{12}:root)`, principal)
	finding := {
		"address": rc.address,
		"message": sprintf("IAM role %s trusts a whole account (%s)", [rc.address, principal]),
	}
}

trust_statements(rc) := tf.as_list(object.get(json.unmarshal(text), "Statement", [])) if {
	text := tf.after(rc).assume_role_policy
	is_string(text)
	json.is_valid(text)
} else := []
