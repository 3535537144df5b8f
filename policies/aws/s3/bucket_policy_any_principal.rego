# METADATA
# title: "S3 bucket policy does not allow any principal"
# description: "A bucket policy statement that allows an action to principal `*` opens the bucket to everyone on the internet. Inline bucket policies and `aws_s3_bucket_policy` resources are checked; policies computed at apply time are not judged."
# custom:
#   id: IACPAC_AWS_S3_013
#   severity: medium
#   resource_types: [aws_s3_bucket, aws_s3_bucket_policy]
#   checkov: [CKV_AWS_70]
#   remediation: "Name the principals (accounts, roles, services) in each Allow statement instead of \"*\"."
package iacpac.aws.s3.bucket_policy_any_principal

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some type in ["aws_s3_bucket", "aws_s3_bucket_policy"]
	some rc in tf.resources(type)
	policy := tf.after(rc).policy
	is_string(policy)
	json.is_valid(policy)
	doc := json.unmarshal(policy)
	some statement in statements(doc)
	statement.Effect == "Allow"
	any_principal(statement)
	finding := {
		"address": rc.address,
		"message": sprintf("%s allows actions to any principal (\"*\")", [rc.address]),
	}
}

statements(doc) := s if {
	s := doc.Statement
	is_array(s)
} else := [doc.Statement]

any_principal(statement) if statement.Principal == "*"

any_principal(statement) if {
	some p in as_list(statement.Principal.AWS)
	p == "*"
}

as_list(x) := x if is_array(x) else := [x]
