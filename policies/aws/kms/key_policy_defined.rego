# METADATA
# title: "KMS key has an explicit key policy"
# description: "Without an explicit policy the key gets the default policy, which delegates all access to IAM in the account. The key passes when it sets `policy` or an `aws_kms_key_policy` is connected to it."
# custom:
#   id: IACPAC_AWS_KMS_002
#   severity: medium
#   resource_types: [aws_kms_key]
#   checkov: [CKV2_AWS_64]
#   remediation: "Set policy on the aws_kms_key (or add an aws_kms_key_policy) granting only the principals that need the key."
package iacpac.aws.kms.key_policy_defined

import rego.v1

import data.iacpac.lib.terraform as tf

deny contains finding if {
	some key in tf.resources("aws_kms_key")
	not has_policy(key)
	finding := {
		"address": key.address,
		"message": sprintf("KMS key %s has no explicit key policy", [key.address]),
	}
}

has_policy(key) if tf.configured(key, "policy")

has_policy(key) if count(tf.connected_resources(key, "aws_kms_key_policy")) > 0
