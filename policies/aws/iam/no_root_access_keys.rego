# METADATA
# title: "No access keys are created for the root user"
# description: "Root access keys never expire and cannot be limited by IAM policies; whoever holds them owns the account. An `aws_iam_access_key` for the user named root fails."
# custom:
#   id: IACPAC_AWS_IAM_024
#   severity: high
#   resource_types: [aws_iam_access_key]
#   checkov: [CKV_AWS_348]
#   remediation: "Delete the root access key; use IAM users or roles with limited permissions instead."
package iacpac.aws.iam.no_root_access_keys

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some rc in tf.resources("aws_iam_access_key")
	tf.after(rc).user == "root"
	finding := {
		"address": rc.address,
		"message": sprintf("%s creates an access key for the root user", [rc.address]),
	}
}
