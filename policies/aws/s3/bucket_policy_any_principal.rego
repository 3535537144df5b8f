# METADATA
# title: "S3 bucket policy does not allow any principal"
# description: "A bucket policy statement that allows an action to principal `*` opens the bucket to everyone on the internet. A condition that pins the request to named accounts, organisations, VPCs or endpoints (or to ARNs that are not a wildcard over every account) restricts such a statement enough; the first statement open to everyone decides. Inline bucket policies and `aws_s3_bucket_policy` resources are checked; policies computed at apply time are not judged."
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
	statements := as_list(object.get(json.unmarshal(policy), "Statement", []))
	open := [i | some i, statement in statements; open_to_anyone(statement)]
	count(open) > 0
	not restricted_by_condition(statements[min(open)])
	finding := {
		"address": rc.address,
		"message": sprintf("%s allows actions to any principal (\"*\")", [rc.address]),
	}
}

open_to_anyone(statement) if {
	is_object(statement)
	statement.Effect != "Deny"
	any_principal(statement.Principal)
}

any_principal(principal) if principal == "*"

any_principal(principal) if "*" in as_list(principal.AWS)

# Condition keys that tie a request to a specific account, organisation, network or source.
scoping_keys := {
	"aws:sourceVpce", "aws:SourceVpc", "aws:VpceAccount", "aws:PrincipalOrgPaths", "aws:userid", "aws:PrincipalArn",
	"aws:PrincipalAccount", "aws:PrincipalOrgID", "aws:Ec2InstanceSourceVpc", "ec2:SourceInstanceArn",
	"lambda:SourceFunctionArn", "ssm:SourceInstanceArn",
}

restricted_by_condition(statement) if {
	some operator in ["ArnNotEquals", "ArnNotLike"]
	statement.Condition[operator]
}

# An ARN condition restricts unless it matches every ARN of a service in any account.
restricted_by_condition(statement) if {
	some operator in ["ArnEquals", "ArnLike"]
	arns := statement.Condition[operator]
	not arn_wildcard(arns)
}

restricted_by_condition(statement) if {
	not arn_condition(statement)
	some operator in ["StringEquals", "StringEqualsIgnoreCase", "StringLike"]
	some key, _ in statement.Condition[operator]
	key in scoping_keys
}

arn_condition(statement) if {
	some operator in ["ArnEquals", "ArnLike"]
	statement.Condition[operator]
}

arn_wildcard(arns) if {
	some key in ["aws:PrincipalArn", "aws:SourceArn"]
	is_string(arns[key])
	regex.match(`^arn:aws:[a-z0-9-]+::\*`, arns[key])
}

as_list(x) := x if is_array(x) else := [x]
