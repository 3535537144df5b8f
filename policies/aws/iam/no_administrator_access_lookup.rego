# METADATA
# title: "The AWS managed AdministratorAccess policy is not looked up for use"
# description: "Looking up the AWS managed AdministratorAccess policy (an `aws_iam_policy` data source by name or ARN) almost always means attaching full administrator rights to something. Such lookups are reported."
# custom:
#   id: IACPAC_AWS_IAM_027
#   severity: high
#   resource_types: [aws_iam_policy]
#   checkov: [CKV_AWS_275]
#   remediation: "Attach a policy scoped to the permissions needed instead of AdministratorAccess."
package iacpac.aws.iam.no_administrator_access_lookup

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.data_sources("aws_iam_policy")
	administrator(tf.after(rc))
	finding := {
		"address": rc.address,
		"message": sprintf("%s looks up the AWS managed AdministratorAccess policy", [rc.address]),
	}
}

administrator(policy) if policy.name == "AdministratorAccess"

administrator(policy) if policy.arn == "arn:aws:iam::aws:policy/AdministratorAccess"
